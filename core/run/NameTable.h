#pragma once
/// @file Looking up an enum's value by its name in a table indexed by the value.

#include <QLatin1String>
#include <QString>

#include <cstddef>
#include <iterator>

namespace flowdeck {

/// Index of @p text in @p names, ignoring case (so "COMPLETED" from Prefect's API reads too);
/// -1 when it is none of them.
template <std::size_t N>
int indexOfName(const char *const (&names)[N], const QString &text) {
    for (std::size_t i = 0; i < N; ++i)
        if (text.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0) return int(i);
    return -1;
}

}  // namespace flowdeck

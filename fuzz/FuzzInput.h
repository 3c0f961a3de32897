#pragma once
/// @file Helpers shared by the fuzz targets: the input as text, split into a few fields.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

namespace flowdeck::fuzz {

/// The fuzzer's bytes, as the UTF-8 text a user's file would hold (invalid sequences become
/// replacement characters, as when Qt reads a file).
inline QString text(const uint8_t *data, size_t size) {
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

inline QByteArray bytes(const uint8_t *data, size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// The text's lines, so that one input can carry several values (a rule and its DTSTART).
inline QStringList lines(const uint8_t *data, size_t size) {
    return text(data, size).split(QLatin1Char('\n'));
}

}  // namespace flowdeck::fuzz

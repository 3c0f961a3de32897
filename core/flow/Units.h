#pragma once
/// @file Human durations ("1m30s") and sizes ("2GB") as used in flow files and settings.

#include <QString>
#include <optional>

namespace flowdeck {

/// Parses a duration: plain seconds ("90", "1.5") or number+unit groups ("500ms", "1h30m", "1d").
std::optional<double> parseDuration(const QString &text);
/// Canonical form: "1m30s", "500ms", "2h", "1.5s", "0s".
QString formatDuration(double seconds);

/// Parses a size in bytes: "1048576", "512MB", "1.5GiB" (KB/MB/GB/TB powers of 1000, KiB.. of 1024).
std::optional<qint64> parseSize(const QString &text);
/// Canonical form: the largest unit that divides exactly ("2GB", "1536MiB"), else bytes.
QString formatSize(qint64 bytes);

}  // namespace flowdeck

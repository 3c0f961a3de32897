#pragma once
/// @file Kubernetes resource quantities as deployments write them: CPU ("500m", "2", "0.5") and
/// memory ("512Mi", "4Gi", "2G", and Flowdeck's own "2GB", "1.5GiB"), parsed to exact numbers
/// and written back in the canonical form `kubectl` shows.

#include <QString>

#include <optional>

namespace flowdeck {

/// CPU in millicores: "500m" -> 500, "2" -> 2000, "0.25" -> 250. Nothing for text that is not
/// a non-negative quantity or that is finer than a millicore ("0.0001").
std::optional<qint64> parseCpuMillis(const QString &text);
/// "500m", or whole cores as "2".
QString formatCpu(qint64 millis);

/// Memory in bytes: plain bytes, Kubernetes suffixes (Ki Mi Gi Ti Pi Ei, k M G T P E), and the
/// KB/MB/GB/TB and KiB/MiB/GiB/TiB of flow files. Nothing for fractions of a byte or overflow.
std::optional<qint64> parseMemoryBytes(const QString &text);
/// The shortest exact form with a Kubernetes suffix ("2Gi", "2G", "1536Mi"), binary on a tie, else bytes.
QString formatMemory(qint64 bytes);

}  // namespace flowdeck

#pragma once
/// @file The effective settings of a workspace: defaults < flowdeck.yaml < FLOWDECK_* < flags,
/// each value remembering where it came from (reference: docs/settings.md).

#include "flow/Diagnostic.h"

#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace flowdeck {

/// The level of the application's own log (not of task output).
enum class LogLevel { Trace, Debug, Info, Warning, Error, Off };

QString toString(LogLevel level);
/// "trace", "debug", "info", "warning" (or "warn"), "error", "off", in any case.
std::optional<LogLevel> parseLogLevel(const QString &text);

/// One effective setting and where it came from.
struct SettingValue {
    QString key;     ///< e.g. "max_parallel", or "concurrency_limits.db" for a tag limit
    QVariant value;  ///< typed: int, qint64 bytes (null: none), double seconds, or QString
    QString text;    ///< the value as a person writes it: "4", "2GB", "none", "5s", a path
    QString source;  ///< "default", "flowdeck.yaml:12:3", "environment FLOWDECK_X", "command line --x"
};

class Settings;

/// The result of Settings::load: the settings as far as they could be read, and every problem.
/// A bad value is skipped, so the value from the layer below it stays in effect.
struct SettingsLoad;

/// The effective settings of one workspace. Cheap to copy; immutable once loaded.
class Settings {
public:
    static constexpr const char *fileName = "flowdeck.yaml";

    /// All defaults, no workspace.
    Settings();

    /// Reads `<workspaceDir>/flowdeck.yaml` (if there is one; an empty @p workspaceDir means
    /// none), then the FLOWDECK_* variables of @p env, then @p flags. @p flags are keyed by
    /// flag name without dashes ("max-parallel"), as cli::Invocation::options are; names that
    /// are not settings are ignored, so a command can pass all its options. An empty
    /// environment variable counts as unset. Never throws.
    static SettingsLoad load(const QString &workspaceDir,
                             const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                             const QHash<QString, QString> &flags = {});

    /// The nearest folder at or above @p startDir (a folder, or a file whose folder is used)
    /// that holds flowdeck.yaml; else @p startDir itself. Always an absolute, clean path.
    static QString findWorkspace(const QString &startDir);

    /// Every setting key, in the stable order of all() and describe().
    static QStringList keys();
    /// The command-line flag of a key without dashes ("max-parallel"); empty for an unknown key.
    static QString flagFor(const QString &key);
    /// The environment variable of a key ("FLOWDECK_MAX_PARALLEL"); empty for an unknown key.
    static QString envFor(const QString &key);
    /// What a flag's value looks like, for help text ("N", "SIZE", "PATH"...).
    static QString valueNameFor(const QString &key);
    /// One capitalised line saying what a setting does, for help text.
    static QString meaningOf(const QString &key);

    int maxParallel() const;
    qint64 memoryLimitBytes() const;  ///< per task; 0: no limit
    LogLevel logLevel() const;
    QString databasePath() const;  ///< absolute
    int retentionDays() const;     ///< 0: keep runs forever
    QString python() const;
    QString shell() const;
    double killGraceSeconds() const;  ///< between SIGTERM and SIGKILL
    double flowTimeoutSeconds() const;  ///< a whole run's default limit; 0: none
    QString logDir() const;           ///< absolute
    /// Tag -> the most task runs with that tag running at once, across every process.
    QHash<QString, int> concurrencyLimits() const { return m_limits; }

    /// The setting @p key with its source; an empty SettingValue for an unknown key.
    SettingValue value(const QString &key) const;
    /// Every setting, in keys() order.
    std::vector<SettingValue> all() const { return m_values; }
    /// The tag limits as "concurrency_limits.TAG" values, in file order.
    std::vector<SettingValue> concurrencyLimitValues() const { return m_limitValues; }

    /// The folder the settings were loaded for; empty if none.
    QString workspaceDir() const { return m_workspaceDir; }
    /// The flowdeck.yaml that was read; empty if there was none.
    QString workspaceFile() const { return m_workspaceFile; }

    /// An aligned table `key  value  source` of every setting, then the tag limits
    /// (what `flowdeck-cli config show` prints).
    QString describe() const;
    /// {"workspace": ..., "file": ..., "settings": {KEY: {"value", "text", "source"}},
    ///  "concurrency_limits": {TAG: {"value", "source"}}} (for `config show --json`).
    QJsonObject toJson() const;

private:
    friend class SettingsReader;

    std::vector<SettingValue> m_values;  ///< one per key, in keys() order
    QHash<QString, int> m_limits;
    std::vector<SettingValue> m_limitValues;
    QString m_workspaceDir;
    QString m_workspaceFile;
};

struct SettingsLoad {
    Settings settings;
    Diagnostics problems;

    bool ok() const { return !hasErrors(problems); }
    /// Every problem as `source: message` lines, for printing.
    QString errorText() const;
};

}  // namespace flowdeck

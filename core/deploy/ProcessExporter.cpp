// process: systemd user units (a service, a timer per schedule systemd can express, a serve
// unit for the others), the equivalent crontab lines with CRON_TZ, and an install script.

#include "ExportFiles.h"
#include "Exporter.h"
#include "KubeNames.h"
#include "KubernetesObjects.h"
#include "Quantity.h"
#include "ScheduleTranslation.h"

namespace flowdeck {

namespace {

using exportfiles::hashComment;
using exportfiles::shellQuote;

/// Where install.sh puts the flows; units find them with systemd's %h (the user's home).
QString installDir(const ExportRequest &r) {
    return QStringLiteral(".local/share/flowdeck/deployments/") + r.deployment.name;
}

QString unitName(const ExportRequest &r) { return QStringLiteral("flowdeck-") + toDnsLabel(r.deployment.name); }

/// One ExecStart= argument: double-quoted, with systemd's specifier and variable characters escaped.
QString unitArgument(const QString &text) {
    QString escaped = text;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("\""), QLatin1String("\\\""));
    escaped.replace(QLatin1String("%"), QLatin1String("%%")).replace(QLatin1String("$"), QLatin1String("$$"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

/// An Environment= assignment, quoted as a whole.
QString environmentLine(const QString &name, const QString &value) {
    return QStringLiteral("Environment=") + unitArgument(name + QLatin1Char('=') + value) + QLatin1Char('\n');
}

class ProcessExporter : public Exporter {
public:
    DeploymentType type() const override { return DeploymentType::Process; }
    QString summary() const override {
        return QStringLiteral("systemd user units: a service, a timer per schedule, a serve unit; crontab lines with CRON_TZ");
    }
    QStringList fields() const override { return {"cpu_limit", "memory_request", "memory_limit", "pool_name", "work_queue_name"}; }

    Diagnostics check(const ExportRequest &r) const override {
        Diagnostics out;
        for (size_t i = 0; i < r.deployment.schedules.size(); ++i) {
            const TranslatedSchedule t = toOnCalendar(r.deployment.schedules[i]);
            if (t.ok()) continue;
            Diagnostic d;
            d.severity = Severity::Warning;
            d.file = r.deployment.file;
            d.field = QStringLiteral("schedules[%1]").arg(i + 1);
            d.location = r.deployment.locationOf(d.field);
            d.message = QStringLiteral("%1: systemd timers cannot express %2 (%3): the export's serve unit fires it instead")
                            .arg(d.field, describeSchedule(r.deployment.schedules[i]), t.problem);
            out.push_back(d);
        }
        return out;
    }

    ExportResult exportFlow(const ExportRequest &r) const override {
        ExportResult result;
        exportfiles::addFlowFiles(r, QStringLiteral("flows"), result);
        const QString service = unitName(r) + QStringLiteral(".service");
        result.files.push_back({service, serviceUnit(r).toUtf8(), false, false});
        std::vector<size_t> served;
        QStringList timers;
        for (size_t i = 0; i < r.deployment.schedules.size(); ++i) {
            const TranslatedSchedule t = toOnCalendar(r.deployment.schedules[i]);
            if (!t.ok()) {
                served.push_back(i);
                continue;
            }
            const QString timer = unitName(r) + QLatin1Char('-') + kube::scheduleObjectName(r, i).mid(toDnsLabel(r.deployment.name).size() + 1) +
                                  QStringLiteral(".timer");
            timers << timer;
            result.files.push_back({timer, timerUnit(r, i, t, service).toUtf8(), false, false});
        }
        exportfiles::addServeWorkspace(r, QStringLiteral("flows"), served, result);
        result.files.push_back({unitName(r) + QStringLiteral("-serve.service"), serveUnit(r).toUtf8(), false, false});
        result.files.push_back({"crontab", crontab(r).toUtf8(), false, false});
        result.files.push_back({"install.sh", installScript(r, timers, !served.empty()).toUtf8(), false, true});
        return result;
    }

private:
    static QString unitHeader(const ExportRequest &r, const QString &what) {
        QString out = hashComment(r.header()) + QStringLiteral("[Unit]\nDescription=%1\n").arg(what);
        return out;
    }

    /// Environment, secrets as credentials, resources and the folder: what every service shares.
    static QString serviceSettings(const ExportRequest &r) {
        const QString dir = QStringLiteral("%h/") + installDir(r);
        QString out = QStringLiteral("WorkingDirectory=%1/flows\n").arg(dir);
        for (const DeploymentEnvVar &var : r.deployment.envVars)
            if (!var.isSecret()) out += environmentLine(var.name, var.value);
        // Secrets are credentials: files only this unit can read, never in the environment block.
        for (const QString &name : r.secretNames())
            out += QStringLiteral("LoadCredential=%1:%2/credentials/%1\n").arg(name, dir);
        const DeploymentConfig &d = r.deployment;
        if (const auto cpu = parseCpuMillis(d.cpuLimit)) out += QStringLiteral("CPUQuota=%1%\n").arg(*cpu / 10);
        if (const auto mem = parseMemoryBytes(d.memoryRequest)) out += QStringLiteral("MemoryLow=%1\n").arg(*mem);
        if (const auto mem = parseMemoryBytes(d.memoryLimit)) out += QStringLiteral("MemoryMax=%1\n").arg(*mem);
        return out;
    }

    static QString serviceUnit(const ExportRequest &r) {
        QString out = unitHeader(r, QStringLiteral("Flowdeck flow %1 (deployment %2)").arg(r.flow.name, r.deployment.name));
        out += QStringLiteral("\n[Service]\nType=oneshot\n") + serviceSettings(r);
        const QString flow = installDir(r) + QStringLiteral("/flows/") + r.flowFiles.front().relativePath;
        QStringList secretVars;
        for (const DeploymentEnvVar &var : r.deployment.envVars)
            if (var.isSecret()) secretVars << QStringLiteral("%1=\"$(cat \"$CREDENTIALS_DIRECTORY/%2\")\"; export %1; ").arg(var.name, var.secretName);
        if (secretVars.isEmpty()) {
            QStringList quoted{QStringLiteral("%h/") + flow};
            for (const QString &a : kube::parameterArguments(r)) quoted << unitArgument(a);
            out += QStringLiteral("ExecStart=/usr/bin/env flowdeck-cli run %1\n").arg(quoted.join(QLatin1Char(' ')));
            return out;
        }
        // A variable of its own name needs the credential's value: a shell reads it, as systemd
        // never puts credentials in the environment itself.
        QString command = secretVars.join(QString()) + QStringLiteral("exec flowdeck-cli run \"$HOME\"/") + flow;
        for (const QString &a : kube::parameterArguments(r)) command += QLatin1Char(' ') + shellQuote(a);
        out += QStringLiteral("ExecStart=/bin/sh -c %1\n").arg(unitArgument(command));
        return out;
    }

    static QString timerUnit(const ExportRequest &r, size_t index, const TranslatedSchedule &t, const QString &service) {
        const DeploymentSchedule &s = r.deployment.schedules[index];
        QString out = unitHeader(r, QStringLiteral("Schedule %1 of Flowdeck deployment %2").arg(index + 1).arg(r.deployment.name));
        out += QStringLiteral("\n[Timer]\n# %1\n").arg(describeSchedule(s));
        for (const QString &line : t.lines) out += QStringLiteral("OnCalendar=%1\n").arg(line);
        out += QStringLiteral("Unit=%1\n").arg(service);
        out += QStringLiteral("\n[Install]\nWantedBy=timers.target\n");
        return out;
    }

    static QString serveUnit(const ExportRequest &r) {
        QString out = unitHeader(r, QStringLiteral("Flowdeck scheduler for deployment %1").arg(r.deployment.name));
        out += QStringLiteral("\n[Service]\nType=simple\n") + serviceSettings(r);
        out += QStringLiteral("ExecStart=/usr/bin/env flowdeck-cli serve --workspace %h/%1/flows\n").arg(installDir(r));
        out += QStringLiteral("Restart=on-failure\n\n[Install]\nWantedBy=default.target\n");
        return out;
    }

    static QString crontab(const ExportRequest &r) {
        QString out = hashComment(r.header() + QStringLiteral("\nInstall with: crontab -l | cat - crontab | crontab -"));
        // cron has no systemd credentials: the run reads the files install.sh asks for, the
        // flow's secrets through CREDENTIALS_DIRECTORY and secret variables into their names.
        QString command;
        const QString credentials = QStringLiteral("\"$HOME\"/%1/credentials").arg(installDir(r));
        if (!r.secretNames().isEmpty()) command += QStringLiteral("CREDENTIALS_DIRECTORY=%1 ").arg(credentials);
        for (const DeploymentEnvVar &var : r.deployment.envVars)
            if (var.isSecret())
                command += QStringLiteral("%1=\"$(cat %2/%3)\" ").arg(var.name, credentials, var.secretName);
        command += QStringLiteral("flowdeck-cli run \"$HOME\"/%1/flows/%2").arg(installDir(r), r.flowFiles.front().relativePath);
        for (const QString &a : kube::parameterArguments(r)) command += QLatin1Char(' ') + shellQuote(a);
        command.replace(QLatin1String("%"), QLatin1String("\\%"));  // cron turns a bare % into a newline
        for (const DeploymentEnvVar &var : r.deployment.envVars)
            if (!var.isSecret()) out += QStringLiteral("%1=%2\n").arg(var.name, var.value);
        bool any = false;
        for (size_t i = 0; i < r.deployment.schedules.size(); ++i) {
            const TranslatedSchedule t = toCrontab(r.deployment.schedules[i]);
            if (!t.ok()) {
                out += QStringLiteral("# schedule %1 (%2): cron cannot express it (%3); the serve unit fires it\n")
                           .arg(i + 1).arg(describeSchedule(r.deployment.schedules[i]), t.problem);
                continue;
            }
            out += QStringLiteral("CRON_TZ=%1\n%2 %3\n").arg(t.zone, t.lines.front(), command);
            any = true;
        }
        if (!any && r.deployment.schedules.empty()) out += QStringLiteral("# no schedules: nothing to add\n");
        return out;
    }

    static QString installScript(const ExportRequest &r, const QStringList &timers, bool serve) {
        QString out = QStringLiteral("#!/bin/sh\n") + hashComment(r.header());
        out += QStringLiteral("# Installs this export for the current user: the flows under ~/%1,\n"
                              "# the units under ~/.config/systemd/user, then enables the timers.\n").arg(installDir(r));
        out += QStringLiteral("set -eu\nhere=$(cd \"$(dirname \"$0\")\" && pwd)\n");
        out += QStringLiteral("target=\"$HOME/%1\"\nunits=\"${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user\"\n").arg(installDir(r));
        out += QStringLiteral("mkdir -p \"$target/credentials\" \"$units\"\nchmod 700 \"$target/credentials\"\n");
        out += QStringLiteral("cp -R \"$here/flows\" \"$target/\"\n");
        out += QStringLiteral("cp \"$here\"/*.service \"$here\"/*.timer \"$units/\" 2>/dev/null || cp \"$here\"/*.service \"$units/\"\n");
        for (const QString &name : r.secretNames())
            out += QStringLiteral("[ -f \"$target/credentials/%1\" ] || echo \"write the value of secret '%1' to $target/credentials/%1 (mode 600)\"\n").arg(name);
        out += QStringLiteral("systemctl --user daemon-reload\n");
        for (const QString &timer : timers) out += QStringLiteral("systemctl --user enable --now %1\n").arg(timer);
        if (serve) out += QStringLiteral("systemctl --user enable --now %1-serve.service\n").arg(unitName(r));
        return out;
    }
};

}  // namespace

std::unique_ptr<Exporter> makeProcessExporter() { return std::make_unique<ProcessExporter>(); }

}  // namespace flowdeck

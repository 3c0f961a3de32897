#include "EngineOptions.h"

namespace flowdeck {

namespace {

bool isExplicit(const Settings &settings, const QString &key) {
    const QString source = settings.value(key).source;
    return source.startsWith(QLatin1String("command line")) || source.startsWith(QLatin1String("environment"));
}

}  // namespace

RunOptions runOptionsFrom(const Settings &settings, const Flow &flow) {
    RunOptions options;
    if (isExplicit(settings, QStringLiteral("max_parallel")) || flow.runner.maxParallel == 0)
        options.maxParallel = settings.maxParallel();
    if (isExplicit(settings, QStringLiteral("memory_limit")) || flow.runner.memoryLimitBytes == 0)
        options.memoryLimitBytes = settings.memoryLimitBytes();
    if (isExplicit(settings, QStringLiteral("flow_timeout")) || !flow.runner.timeoutSeconds)
        options.flowTimeoutSeconds = settings.flowTimeoutSeconds();
    options.python = settings.python();
    options.shell = settings.shell();
    options.killGraceSeconds = settings.killGraceSeconds();
    options.concurrencyLimits = settings.concurrencyLimits();
    return options;
}

}  // namespace flowdeck

#include "CacheKey.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace flowdeck {

namespace {

QVariantMap definitionOf(const Task &task) {
    QVariantMap env;
    for (const EnvVar &v : task.env) env.insert(v.name, v.value);
    return {
        {QStringLiteral("kind"), toString(task.kind)},
        {QStringLiteral("script"), task.script},
        {QStringLiteral("language"), int(task.language)},
        {QStringLiteral("env"), env},
        {QStringLiteral("subflow"), task.subflow},
        {QStringLiteral("subflowParameters"), task.subflowParameters},
        {QStringLiteral("sleep"), task.sleepSeconds},
        {QStringLiteral("workdir"), task.workdir},
        {QStringLiteral("map"), task.mapOver},
    };
}

}  // namespace

QString cacheKey(const Task &task, const QString &flowName, const QString &runId, int mapIndex,
                 const QVariantMap &parameters, const QVariantMap &upstream, const QVariant &item) {
    QVariantMap parts{{QStringLiteral("flow"), flowName}, {QStringLiteral("task"), task.name}};
    if (task.cache.policy == CachePolicy::PerRun) {
        parts.insert(QStringLiteral("run"), runId);
        parts.insert(QStringLiteral("index"), mapIndex);
    } else {
        parts.insert(QStringLiteral("parameters"), parameters);
        parts.insert(QStringLiteral("upstream"), upstream);
        parts.insert(QStringLiteral("item"), item);
        if (task.cache.policy == CachePolicy::InputsAndSource) parts.insert(QStringLiteral("source"), definitionOf(task));
    }
    // QJsonObject sorts keys, so equal inputs give equal bytes.
    const QByteArray canonical = QJsonDocument(QJsonObject::fromVariantMap(parts)).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

}  // namespace flowdeck

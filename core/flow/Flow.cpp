#include "Flow.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace flowdeck {

namespace {

template <typename Enum, size_t N>
QString nameOf(Enum value, const std::pair<Enum, const char *> (&table)[N]) {
    for (const auto &entry : table)
        if (entry.first == value) return QString::fromLatin1(entry.second);
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const QString &text, const std::pair<Enum, const char *> (&table)[N]) {
    for (const auto &entry : table)
        if (text == QLatin1String(entry.second)) return entry.first;
    return std::nullopt;
}

template <typename Enum, size_t N>
QStringList namesOf(const std::pair<Enum, const char *> (&table)[N]) {
    QStringList names;
    for (const auto &entry : table) names << QString::fromLatin1(entry.second);
    return names;
}

const std::pair<ParameterType, const char *> parameterTypes[] = {
    {ParameterType::String, "string"}, {ParameterType::Int, "int"},   {ParameterType::Float, "float"},
    {ParameterType::Bool, "bool"},     {ParameterType::List, "list"}, {ParameterType::Map, "map"},
};

const std::pair<TriggerRule, const char *> triggerRules[] = {
    {TriggerRule::AllSuccess, "all_success"}, {TriggerRule::AllDone, "all_done"},
    {TriggerRule::AllFailed, "all_failed"},   {TriggerRule::AnySuccess, "any_success"},
    {TriggerRule::AnyFailed, "any_failed"},   {TriggerRule::NoneFailed, "none_failed"},
};

const std::pair<CachePolicy, const char *> cachePolicies[] = {
    {CachePolicy::None, "none"},
    {CachePolicy::Inputs, "inputs"},
    {CachePolicy::InputsAndSource, "inputs+source"},
    {CachePolicy::PerRun, "per-run"},
};

}  // namespace

QString toString(ParameterType type) { return nameOf(type, parameterTypes); }
std::optional<ParameterType> parameterTypeFromString(const QString &text) { return valueOf(text, parameterTypes); }

// toString(TaskKind), taskKindFromString, taskKindNames and hasScript: TaskKinds.cpp.

QString toString(TriggerRule rule) { return nameOf(rule, triggerRules); }
std::optional<TriggerRule> triggerRuleFromString(const QString &text) { return valueOf(text, triggerRules); }
QStringList triggerRuleNames() { return namesOf(triggerRules); }

QString toString(CachePolicy policy) { return nameOf(policy, cachePolicies); }
std::optional<CachePolicy> cachePolicyFromString(const QString &text) { return valueOf(text, cachePolicies); }

bool Parameter::operator==(const Parameter &o) const {
    return name == o.name && type == o.type && defaultValue == o.defaultValue &&
           description == o.description && required == o.required && minimum == o.minimum &&
           maximum == o.maximum && allowed == o.allowed;
}

QString Dependency::toString() const {
    switch (outcome) {
    case BranchOutcome::True: return upstream + QLatin1String(".true");
    case BranchOutcome::False: return upstream + QLatin1String(".false");
    case BranchOutcome::Any: break;
    }
    return upstream;
}

Dependency Dependency::fromString(const QString &text) {
    if (text.endsWith(QLatin1String(".true"))) return {text.chopped(5), BranchOutcome::True};
    if (text.endsWith(QLatin1String(".false"))) return {text.chopped(6), BranchOutcome::False};
    return {text, BranchOutcome::Any};
}

double RetryDelay::delayBefore(int retry) const {
    if (seconds.empty() || retry < 1) return 0;
    switch (mode) {
    case Mode::Fixed: return seconds.front();
    case Mode::List: return seconds[std::min<size_t>(size_t(retry - 1), seconds.size() - 1)];
    case Mode::Exponential: return seconds.front() * std::pow(2.0, retry - 1);
    }
    return 0;
}

bool CacheSettings::operator==(const CacheSettings &o) const {
    return enabled == o.enabled && policy == o.policy && expirationSeconds == o.expirationSeconds &&
           refresh == o.refresh;
}

QStringList Task::upstreamNames() const {
    QStringList names;
    for (const Dependency &d : after)
        if (!names.contains(d.upstream)) names << d.upstream;
    return names;
}

bool Task::operator==(const Task &o) const {
    return name == o.name && kind == o.kind && description == o.description && script == o.script &&
           language == o.language && subflow == o.subflow && subflowParameters == o.subflowParameters &&
           sleepSeconds == o.sleepSeconds && after == o.after && trigger == o.trigger &&
           retries == o.retries && retryDelay == o.retryDelay && retryJitter == o.retryJitter &&
           timeoutSeconds == o.timeoutSeconds && cache == o.cache && tags == o.tags && env == o.env &&
           mapOver == o.mapOver && workdir == o.workdir && inputs == o.inputs;
}

const Task *Flow::task(const QString &name) const {
    const int i = taskIndex(name);
    return i < 0 ? nullptr : &tasks[size_t(i)];
}

Task *Flow::task(const QString &name) {
    const int i = taskIndex(name);
    return i < 0 ? nullptr : &tasks[size_t(i)];
}

int Flow::taskIndex(const QString &name) const {
    for (size_t i = 0; i < tasks.size(); ++i)
        if (tasks[i].name == name) return int(i);
    return -1;
}

const Parameter *Flow::parameter(const QString &name) const {
    for (const Parameter &p : parameters)
        if (p.name == name) return &p;
    return nullptr;
}

bool Flow::operator==(const Flow &o) const {
    return name == o.name && description == o.description && version == o.version && tags == o.tags &&
           parameters == o.parameters && runner == o.runner && tasks == o.tasks && layout == o.layout &&
           notes == o.notes && groups == o.groups;
}

bool isValidSecretName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    return pattern.match(name).hasMatch();
}

bool isValidName(const QString &name) {
    // ^[A-Za-z0-9][A-Za-z0-9_-]*$ by hand: the regular expression was 7% of validating a
    // 10,000-task flow (callgrind), once per task name.
    const auto alnum = [](char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (name.isEmpty() || !alnum(name.front().unicode())) return false;
    return std::all_of(name.begin() + 1, name.end(),
                       [&](QChar c) { return alnum(c.unicode()) || c == QLatin1Char('_') || c == QLatin1Char('-'); });
}

}  // namespace flowdeck

#include "engine/Approval.h"

#include "flow/Diagnostic.h"
#include "flow/FlowValidator.h"

namespace flowdeck {

namespace {

/// The validator speaks of parameters; these are an approval's inputs.
QString asInputProblem(const Parameter &input, QString problem) {
    const QString parameter = QStringLiteral("parameter '%1'").arg(input.name);
    if (problem.startsWith(parameter + QLatin1Char(':'))) problem = problem.mid(parameter.size() + 1).trimmed();
    else if (problem.startsWith(parameter)) return QStringLiteral("input '%1'").arg(input.name) + problem.mid(parameter.size());
    return QStringLiteral("input '%1': %2").arg(input.name, problem);
}

}  // namespace

QVariantMap approvalValues(const Task &task, const QHash<QString, QString> &text, const QVariantMap &typed,
                           QStringList *problems) {
    QStringList names;
    for (const Parameter &input : task.inputs) names << input.name;
    QStringList given = text.keys();
    given << typed.keys();
    for (const QString &name : given)
        if (!names.contains(name))
            problems->append(QStringLiteral("approval '%1' has no input '%2'%3")
                                 .arg(task.name, name, names.isEmpty() ? QStringLiteral(" (it asks for none)")
                                                                       : didYouMean(name, names)));
    QVariantMap values;
    for (const Parameter &input : task.inputs) {
        QString error;
        QVariant value;
        if (typed.contains(input.name)) {
            value = typed.value(input.name);
            if (input.type == ParameterType::Float && value.canConvert<double>() && value.typeId() != QMetaType::QString)
                value = value.toDouble();
            error = FlowValidator::checkValue(input, value);
        } else if (text.contains(input.name)) {
            value = FlowValidator::valueFromText(input, text.value(input.name), &error);
        } else if (input.hasDefault()) {
            value = input.defaultValue;
        } else {
            error = QStringLiteral("input '%1' (%2) is required: give it with --input %1=VALUE")
                        .arg(input.name, toString(input.type));
        }
        if (!error.isEmpty()) {
            problems->append(error.startsWith(QLatin1String("input '")) ? error : asInputProblem(input, error));
            continue;
        }
        values.insert(input.name, value);
    }
    return problems->isEmpty() ? values : QVariantMap();
}

}  // namespace flowdeck

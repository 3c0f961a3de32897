#include "YamlText.h"

#include <QRegularExpression>

#include <cmath>

namespace flowdeck::yaml {

namespace {

QString pad(int indent) { return QString(indent, QLatin1Char(' ')); }

}  // namespace

bool looksLikeNonString(const QString &text) {
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^0[xXoObB][0-9a-fA-F_]+$|"
                       "^[-+]?\\.(inf|Inf|INF)$|^\\.(nan|NaN|NAN)$"));
    static const QStringList reserved = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"};
    return reserved.contains(text.toLower()) || number.match(text).hasMatch();
}

/// Whether @p text can be written as a plain scalar; @p inFlow: inside [..] or {..}.
bool isPlainSafe(const QString &text, bool inFlow) {
    if (text.isEmpty() || text != text.trimmed() || looksLikeNonString(text)) return false;
    static const QString badFirst = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (badFirst.contains(text.front())) return false;
    if (text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #")) || text.endsWith(QLatin1Char(':')))
        return false;
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c == QChar(0x7F) || c == QChar(0xFEFF) || c == QChar(0x85) || c == QChar(0x2028) ||
            c == QChar(0x2029))
            return false;
    if (inFlow && (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('[')) || text.contains(QLatin1Char(']')) ||
                   text.contains(QLatin1Char('{')) || text.contains(QLatin1Char('}'))))
        return false;
    return true;
}

QString doubleQuoted(const QString &text) {
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\r': out += QLatin1String("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.unicode() == 0x85 || c.unicode() == 0xFEFF ||
                c.unicode() == 0x2028 || c.unicode() == 0x2029)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString scalar(const QString &text, bool inFlow) {
    return isPlainSafe(text, inFlow) ? text : doubleQuoted(text);
}

QString number(double value) {
    if (value == std::floor(value) && std::abs(value) < 1e15) return QString::number(qint64(value));
    const QString shortest = QString::number(value, 'g', 15);
    return shortest.toDouble() == value ? shortest : QString::number(value, 'g', 17);
}

/// Whether a multi-line text survives a literal block scalar exactly.
bool fitsBlockScalar(const QString &text) {
    if (!text.contains(QLatin1Char('\n'))) return false;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && line.trimmed().isEmpty()) return false;  // whitespace-only lines are not kept
        for (const QChar c : line)
            if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7F || c == QChar(0xFEFF) ||
                c == QChar(0x85) || c == QChar(0x2028) || c == QChar(0x2029))
                return false;
    }
    return true;
}

QString textEntry(int indent, const QString &key, const QString &value) {
    const QString head = pad(indent) + scalar(key) + QLatin1Char(':');
    if (!fitsBlockScalar(value)) return head + QLatin1Char(' ') + scalar(value) + QLatin1Char('\n');
    // Literal block: '|' keeps one final newline, '|-' none, '|+' all of them.
    QString body = value;
    int trailing = 0;
    while (body.endsWith(QLatin1Char('\n'))) {
        body.chop(1);
        ++trailing;
    }
    QString indicator = QStringLiteral("|");
    if (body.startsWith(QLatin1Char(' ')) || body.startsWith(QLatin1Char('\n'))) indicator += QLatin1Char('2');
    indicator += trailing == 0 ? QStringLiteral("-") : trailing == 1 ? QString() : QStringLiteral("+");
    QString out = head + QLatin1Char(' ') + indicator + QLatin1Char('\n');
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (const QString &l : lines) out += l.isEmpty() ? QStringLiteral("\n") : pad(indent + 2) + l + QLatin1Char('\n');
    for (int i = 1; i < trailing; ++i) out += QLatin1Char('\n');
    return out;
}


bool isScalar(const QVariant &v) {
    return v.typeId() != QMetaType::QVariantList && v.typeId() != QMetaType::QVariantMap;
}

QString scalarValue(const QVariant &v, bool inFlow) {
    if (!v.isValid() || v.isNull()) return QStringLiteral("null");
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: return QString::number(v.toLongLong());
    case QMetaType::Double: {
        const QString n = number(v.toDouble());
        return n.contains(QLatin1Char('.')) || n.contains(QLatin1Char('e')) ? n : n + QLatin1String(".0");
    }
    default: return scalar(v.toString(), inFlow);
    }
}

std::optional<QString> flowStyle(const QVariant &v) {
    if (v.typeId() == QMetaType::QVariantMap) {
        if (v.toMap().isEmpty()) return QStringLiteral("{}");
        return std::nullopt;
    }
    QStringList items;
    for (const QVariant &item : v.toList()) {
        if (!isScalar(item) || (item.typeId() == QMetaType::QString && item.toString().contains('\n')))
            return std::nullopt;
        items << scalarValue(item, true);
    }
    const QString text = QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
    if (text.size() > 100) return std::nullopt;
    return text;
}

QString valueEntry(int indent, const QString &key, const QVariant &v) {
    if (isScalar(v)) {
        if (v.typeId() == QMetaType::QString) return textEntry(indent, key, v.toString());
        return pad(indent) + scalar(key) + QLatin1String(": ") + scalarValue(v, false) + QLatin1Char('\n');
    }
    if (const auto inlineText = flowStyle(v)) return pad(indent) + scalar(key) + QLatin1String(": ") + *inlineText + QLatin1Char('\n');
    return pad(indent) + scalar(key) + QLatin1String(":\n") + block(indent + 2, v);
}

/// A list or map in block style at @p indent.
QString block(int indent, const QVariant &v) {
    QString out;
    if (v.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = v.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) out += valueEntry(indent, it.key(), it.value());
        return out;
    }
    for (const QVariant &item : v.toList()) out += listItem(indent, item);
    return out;
}

QString listItem(int indent, const QVariant &item) {
    const QString dash = pad(indent) + QLatin1String("- ");
    if (isScalar(item) && !(item.typeId() == QMetaType::QString && fitsBlockScalar(item.toString())))
        return dash + scalarValue(item, false) + QLatin1Char('\n');
    if (isScalar(item)) return dash + doubleQuoted(item.toString()) + QLatin1Char('\n');
    if (const auto inlineText = flowStyle(item)) return dash + *inlineText + QLatin1Char('\n');
    // Render the nested block one level in, then put the dash on its first line.
    QString nested = block(indent + 2, item);
    return dash + nested.mid(indent + 2);
}

}  // namespace flowdeck::yaml

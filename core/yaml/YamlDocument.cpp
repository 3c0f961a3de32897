#include "YamlDocument.h"

#include "YamlText.h"

namespace flowdeck::yaml {

namespace {

QString pad(int indent) { return QString(indent, QLatin1Char(' ')); }

}  // namespace

Node::Node(const QVariant &scalar) : m_scalar(scalar) {}
Node::Node(const QString &text) : m_scalar(text) {}
Node::Node(const char *text) : m_scalar(QString::fromUtf8(text)) {}
Node::Node(int number) : m_scalar(qint64(number)) {}
Node::Node(qint64 number) : m_scalar(number) {}
Node::Node(double number) : m_scalar(number) {}
Node::Node(bool value) : m_scalar(value) {}

Node Node::map() {
    Node n;
    n.m_type = Type::Map;
    return n;
}

Node Node::list() {
    Node n;
    n.m_type = Type::List;
    return n;
}

Node Node::fromVariant(const QVariant &value) {
    if (value.typeId() == QMetaType::QVariantMap) {
        Node n = map();
        const QVariantMap m = value.toMap();
        for (auto it = m.constBegin(); it != m.constEnd(); ++it) n.set(it.key(), fromVariant(it.value()));
        return n;
    }
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList) {
        Node n = list();
        for (const QVariant &item : value.toList()) n.append(fromVariant(item));
        return n;
    }
    return Node(value);
}

bool Node::isEmpty() const {
    switch (m_type) {
    case Type::Map: return m_entries.empty();
    case Type::List: return m_items.empty();
    case Type::Scalar: break;
    }
    return !m_scalar.isValid() || m_scalar.isNull();
}

Node &Node::set(const QString &key, Node value) {
    for (auto &entry : m_entries)
        if (entry.first == key) return entry.second = std::move(value);
    m_entries.emplace_back(key, std::move(value));
    return m_entries.back().second;
}

Node &Node::setIfNotEmpty(const QString &key, Node value) {
    if (!value.isEmpty()) set(key, std::move(value));
    return *this;
}

const Node *Node::get(const QString &key) const {
    for (const auto &entry : m_entries)
        if (entry.first == key) return &entry.second;
    return nullptr;
}

Node *Node::get(const QString &key) {
    for (auto &entry : m_entries)
        if (entry.first == key) return &entry.second;
    return nullptr;
}

Node &Node::append(Node value) {
    m_items.push_back(std::move(value));
    return m_items.back();
}

Node &Node::withComment(const QString &comment) {
    m_comment = comment;
    return *this;
}

QString Node::inlineText() const {
    if (m_type == Type::Map) return m_entries.empty() ? QStringLiteral("{}") : QString();
    if (m_type != Type::List) return {};
    QStringList parts;
    for (const Node &item : m_items) {
        if (item.m_type != Type::Scalar || !item.m_comment.isEmpty()) return {};
        if (item.m_scalar.typeId() == QMetaType::QString && item.m_scalar.toString().contains(QLatin1Char('\n')))
            return {};
        parts << scalarValue(item.m_scalar, true);
    }
    const QString text = QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    return text.size() <= 80 ? text : QString();
}

QString Node::entry(int indent, const QString &key) const {
    QString out = commentLines(indent, m_comment);
    if (m_type == Type::Scalar) {
        if (m_scalar.typeId() == QMetaType::QString) return out + textEntry(indent, key, m_scalar.toString());
        return out + pad(indent) + yaml::scalar(key) + QLatin1String(": ") + scalarValue(m_scalar, false) + QLatin1Char('\n');
    }
    if (const QString text = inlineText(); !text.isEmpty())
        return out + pad(indent) + yaml::scalar(key) + QLatin1String(": ") + text + QLatin1Char('\n');
    return out + pad(indent) + yaml::scalar(key) + QLatin1String(":\n") + toYaml(indent + 2);
}

QString Node::item(int indent) const {
    QString out = commentLines(indent, m_comment);
    const QString dash = pad(indent) + QLatin1String("- ");
    if (m_type == Type::Scalar) {
        const bool multiLine =
            m_scalar.typeId() == QMetaType::QString && m_scalar.toString().contains(QLatin1Char('\n'));
        return out + dash + (multiLine ? doubleQuoted(m_scalar.toString()) : scalarValue(m_scalar, false)) +
               QLatin1Char('\n');
    }
    if (const QString text = inlineText(); !text.isEmpty()) return out + dash + text + QLatin1Char('\n');
    // The nested block one level in, its first line's indent turned into the dash. A comment on
    // the first entry moves above the dash, where it still belongs to this item.
    QString nested = toYaml(indent + 2);
    while (nested.startsWith(pad(indent + 2) + QLatin1Char('#'))) {
        const qsizetype end = nested.indexOf(QLatin1Char('\n'));
        out += nested.left(end + 1).mid(2);
        nested = nested.mid(end + 1);
    }
    return out + dash + nested.mid(indent + 2);
}

QString Node::toYaml(int indent) const {
    QString out;
    if (m_type == Type::Map) {
        for (const auto &[key, value] : m_entries) out += value.entry(indent, key);
        return out;
    }
    if (m_type == Type::List) {
        for (const Node &value : m_items) out += value.item(indent);
        return out;
    }
    return scalarValue(m_scalar, false) + QLatin1Char('\n');
}

QString commentLines(int indent, const QString &text) {
    if (text.isEmpty()) return {};
    QString out;
    for (const QString &line : text.split(QLatin1Char('\n')))
        out += pad(indent) + (line.isEmpty() ? QStringLiteral("#") : QLatin1String("# ") + line) + QLatin1Char('\n');
    return out;
}

QString documents(const QString &header, const std::vector<Node> &roots) {
    QString out = commentLines(0, header);
    for (const Node &root : roots) out += QLatin1String("---\n") + root.toYaml(0);
    return out;
}

}  // namespace flowdeck::yaml

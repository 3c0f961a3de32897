#pragma once
/// @file An ordered YAML tree for writing files whose key order matters (Kubernetes manifests
/// read apiVersion, kind, metadata, spec in that order; QVariantMap would sort them), with
/// comments, rendered through YamlText so every file Flowdeck writes quotes the same way.

#include <QString>
#include <QVariant>

#include <utility>
#include <vector>

namespace flowdeck::yaml {

/// A scalar, a list or a map whose keys keep the order they were set in.
class Node {
public:
    enum class Type { Scalar, List, Map };

    /// A null scalar.
    Node() = default;
    Node(const QVariant &scalar);  // NOLINT: scalars convert implicitly so building reads like YAML
    Node(const QString &text);
    Node(const char *text);
    Node(int number);
    Node(qint64 number);
    Node(double number);
    Node(bool value);

    static Node map();
    static Node list();
    /// A generic value: maps (in QVariantMap's sorted order), lists and scalars.
    static Node fromVariant(const QVariant &value);

    Type type() const { return m_type; }
    bool isMap() const { return m_type == Type::Map; }
    bool isList() const { return m_type == Type::List; }
    /// An empty list or map, or a null scalar.
    bool isEmpty() const;

    /// Map: sets @p key, keeping its first position when it exists. Returns the value set.
    Node &set(const QString &key, Node value);
    /// Map: sets @p key only when @p value is not empty; returns *this for chaining.
    Node &setIfNotEmpty(const QString &key, Node value);
    /// Map: the value under @p key, or nullptr.
    const Node *get(const QString &key) const;
    Node *get(const QString &key);
    /// List: appends @p value and returns it.
    Node &append(Node value);
    /// A comment written on its own lines above this node where it is an entry or an item.
    Node &withComment(const QString &comment);

    /// Block-style YAML of this node's content at @p indent (a map's entries, a list's items).
    QString toYaml(int indent = 0) const;

    const std::vector<std::pair<QString, Node>> &entries() const { return m_entries; }
    const std::vector<Node> &items() const { return m_items; }
    const QVariant &value() const { return m_scalar; }

private:
    QString entry(int indent, const QString &key) const;
    QString item(int indent) const;
    QString inlineText() const;  ///< flow style for short scalar lists and empty containers; else empty

    Type m_type = Type::Scalar;
    QVariant m_scalar;
    QString m_comment;
    std::vector<std::pair<QString, Node>> m_entries;
    std::vector<Node> m_items;
};

/// `# line` for every line of @p text (an empty line stays `#`).
QString commentLines(int indent, const QString &text);

/// Several documents in one file: each preceded by `---`, the first by @p header as comments.
QString documents(const QString &header, const std::vector<Node> &roots);

}  // namespace flowdeck::yaml

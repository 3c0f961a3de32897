#pragma once
/// @file A read-only YAML tree parsed with libyaml, for reading flow files. It offers the part of
/// yaml-cpp's Node interface the flow reader uses (IsMap, Scalar, Mark, iteration, operator[]),
/// so the reader reads the same, but it parses about four times faster: yaml-cpp's scanner and
/// its shared-pointer nodes were 40% of loading a 10,000-task flow (perf, noop-10000).

#include <QByteArray>

#include <optional>
#include <string>
#include <vector>

namespace flowdeck::yamlread {

/// A place in the text, 0-based like yaml-cpp's; line -1 when unknown.
struct Mark {
    int line = -1;
    int column = -1;
    bool is_null() const { return line < 0; }
};

enum class NodeType { Undefined, Null, Scalar, Sequence, Map };

/// Why the text is not YAML: libyaml's problem, where it is, and what it was reading then.
struct ParseError {
    std::string problem;
    Mark mark;
    std::string context;  // "while parsing a flow sequence", or empty
    Mark contextMark;     // where that started (an open quote, an open bracket)
    bool tooDeep = false;
};

class Tree;
class ConstIterator;

/// A node of a Tree (which must outlive it); a default Node is undefined, like a missing key.
class Node {
public:
    Node() = default;
    Node(const Tree *tree, int index) : m_tree(tree), m_index(index) {}

    NodeType Type() const;
    bool IsDefined() const { return Type() != NodeType::Undefined; }
    bool IsNull() const { return Type() == NodeType::Null; }
    bool IsScalar() const { return Type() == NodeType::Scalar; }
    bool IsSequence() const { return Type() == NodeType::Sequence; }
    bool IsMap() const { return Type() == NodeType::Map; }

    /// The text of a scalar (empty for anything else).
    const std::string &Scalar() const;
    /// "?" for a plain scalar or an untagged collection, "!" for a quoted or block scalar, else the tag.
    const std::string &Tag() const;
    yamlread::Mark Mark() const;
    /// Items of a sequence, pairs of a mapping, else 0.
    size_t size() const;
    /// Item @p i of a sequence; undefined when out of range or not a sequence.
    Node operator[](size_t i) const;
    Node operator[](int i) const { return i < 0 ? Node() : (*this)[size_t(i)]; }
    /// The value of the first pair whose key is the scalar @p key; undefined when there is none.
    Node operator[](const char *key) const;

    ConstIterator begin() const;
    ConstIterator end() const;

private:
    const Tree *m_tree = nullptr;
    int m_index = -1;
};

/// What an iterator points at: the item of a sequence, or for a mapping a pair (first, second).
struct IteratorValue : Node {
    Node first;
    Node second;
};

class ConstIterator {
public:
    ConstIterator(const Tree *tree, int node, size_t position);
    const IteratorValue &operator*() const { return m_value; }
    const IteratorValue *operator->() const { return &m_value; }
    ConstIterator &operator++();
    bool operator==(const ConstIterator &o) const { return m_position == o.m_position && m_node == o.m_node; }
    bool operator!=(const ConstIterator &o) const { return !(*this == o); }

private:
    const Tree *m_tree;
    int m_node;
    size_t m_position;
    IteratorValue m_value;
    void load();
};

/// The first document of a text; nodes are stored flat, aliases share their anchor's node.
class Tree {
public:
    /// The tree of @p text, or nothing with @p error filled. @p maxDepth bounds nesting.
    static std::optional<Tree> parse(const QByteArray &text, int maxDepth, ParseError *error);
    /// The document's root: Null for a text with no document (only comments).
    Node root() const { return Node(this, m_root); }

private:
    friend class Node;
    friend class ConstIterator;
    struct Data {
        NodeType type = NodeType::Null;
        Mark mark;
        std::string scalar;
        std::string tag;
        std::vector<int> children;  // a mapping's keys and values alternate
    };
    std::vector<Data> m_nodes;
    int m_root = -1;

    const Data *data(int index) const {
        return index >= 0 && size_t(index) < m_nodes.size() ? &m_nodes[size_t(index)] : nullptr;
    }
};

}  // namespace flowdeck::yamlread

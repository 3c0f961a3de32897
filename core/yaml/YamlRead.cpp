#include "YamlRead.h"

#include <yaml.h>

#include <unordered_map>

namespace flowdeck::yamlread {

namespace {

const std::string kEmpty;

Mark markOf(const yaml_mark_t &m) { return {int(m.line), int(m.column)}; }

/// yaml-cpp's rule (and YAML 1.2's core schema): these plain scalars are null.
bool isNullText(const char *text, size_t length) {
    const std::string_view s(text, length);
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::string text(const yaml_char_t *chars) { return chars ? std::string(reinterpret_cast<const char *>(chars)) : std::string(); }

/// Frees libyaml's parser and its current event whatever way the parse ends.
class Parser {
public:
    explicit Parser(const QByteArray &input) {
        yaml_parser_initialize(&m_parser);
        yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char *>(input.constData()),
                                     size_t(input.size()));
        yaml_parser_set_encoding(&m_parser, YAML_UTF8_ENCODING);
    }
    ~Parser() {
        if (m_hasEvent) yaml_event_delete(&m_event);
        yaml_parser_delete(&m_parser);
    }
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;

    /// The next event, or nullptr with @p error filled.
    const yaml_event_t *next(ParseError *error) {
        if (m_hasEvent) yaml_event_delete(&m_event);
        m_hasEvent = yaml_parser_parse(&m_parser, &m_event) == 1;
        if (m_hasEvent) return &m_event;
        error->problem = m_parser.problem ? m_parser.problem : "unknown error";
        error->mark = markOf(m_parser.problem_mark);
        if (m_parser.context) {
            error->context = m_parser.context;
            error->contextMark = markOf(m_parser.context_mark);
        }
        return nullptr;
    }

private:
    yaml_parser_t m_parser;
    yaml_event_t m_event;
    bool m_hasEvent = false;
};

}  // namespace

NodeType Node::Type() const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    return d ? d->type : NodeType::Undefined;
}

const std::string &Node::Scalar() const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    return d && d->type == NodeType::Scalar ? d->scalar : kEmpty;
}

const std::string &Node::Tag() const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    return d ? d->tag : kEmpty;
}

Mark Node::Mark() const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    return d ? d->mark : yamlread::Mark{};
}

size_t Node::size() const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    if (!d) return 0;
    if (d->type == NodeType::Map) return d->children.size() / 2;
    return d->type == NodeType::Sequence ? d->children.size() : 0;
}

Node Node::operator[](size_t i) const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    if (!d || d->type != NodeType::Sequence || i >= d->children.size()) return {};
    return Node(m_tree, d->children[i]);
}

Node Node::operator[](const char *key) const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    if (!d || d->type != NodeType::Map) return {};
    for (size_t i = 0; i + 1 < d->children.size(); i += 2) {
        const auto *k = m_tree->data(d->children[i]);
        if (k && k->type == NodeType::Scalar && k->scalar == key) return Node(m_tree, d->children[i + 1]);
    }
    return {};
}

ConstIterator Node::begin() const { return ConstIterator(m_tree, m_index, 0); }

ConstIterator Node::end() const {
    const auto *d = m_tree ? m_tree->data(m_index) : nullptr;
    return ConstIterator(m_tree, m_index, d ? d->children.size() : 0);
}

ConstIterator::ConstIterator(const Tree *tree, int node, size_t position)
    : m_tree(tree), m_node(node), m_position(position) {
    load();
}

ConstIterator &ConstIterator::operator++() {
    const auto *d = m_tree ? m_tree->data(m_node) : nullptr;
    m_position += d && d->type == NodeType::Map ? 2 : 1;
    load();
    return *this;
}

void ConstIterator::load() {
    const auto *d = m_tree ? m_tree->data(m_node) : nullptr;
    if (!d || m_position >= d->children.size()) {
        m_value = {};
        return;
    }
    if (d->type == NodeType::Map) {
        m_value.first = Node(m_tree, d->children[m_position]);
        m_value.second = m_position + 1 < d->children.size() ? Node(m_tree, d->children[m_position + 1]) : Node();
        static_cast<Node &>(m_value) = Node();
    } else {
        static_cast<Node &>(m_value) = Node(m_tree, d->children[m_position]);
        m_value.first = m_value.second = Node();
    }
}

std::optional<Tree> Tree::parse(const QByteArray &input, int maxDepth, ParseError *error) {
    Tree tree;
    tree.m_nodes.reserve(size_t(input.size() / 8) + 16);  // about one node per 8 bytes of a flow file
    Parser parser(input);
    std::vector<int> open;  // the collections being read, innermost last
    std::unordered_map<std::string, int> anchors;
    const auto place = [&](int index) {
        if (open.empty()) tree.m_root = index;
        else tree.m_nodes[size_t(open.back())].children.push_back(index);
    };
    const auto add = [&](NodeType type, const yaml_event_t &e, const yaml_char_t *anchor, std::string tag) {
        const int index = int(tree.m_nodes.size());
        Data d;
        d.type = type;
        d.mark = markOf(e.start_mark);
        d.tag = std::move(tag);
        tree.m_nodes.push_back(std::move(d));
        if (anchor) anchors[text(anchor)] = index;
        place(index);
        return index;
    };
    while (const yaml_event_t *e = parser.next(error)) {
        switch (e->type) {
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
            // Only the first document counts, as with yaml-cpp's Load.
            if (tree.m_root < 0) tree.m_nodes.push_back(Data{}), tree.m_root = 0;  // only comments: null
            return tree;
        case YAML_ALIAS_EVENT: {
            const auto it = anchors.find(text(e->data.alias.anchor));
            if (it == anchors.end()) {
                *error = {"the alias '*" + text(e->data.alias.anchor) + "' names no anchor defined before it",
                          markOf(e->start_mark), {}, {}, false};
                return std::nullopt;
            }
            place(it->second);
            break;
        }
        case YAML_SCALAR_EVENT: {
            const auto &s = e->data.scalar;
            const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
            const bool untagged = !s.tag;
            const bool null = plain && untagged && isNullText(reinterpret_cast<const char *>(s.value), s.length);
            const int index = add(null ? NodeType::Null : NodeType::Scalar, *e, s.anchor,
                                  untagged ? std::string(plain ? "?" : "!") : text(s.tag));
            if (!null) tree.m_nodes[size_t(index)].scalar.assign(reinterpret_cast<const char *>(s.value), s.length);
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            const bool map = e->type == YAML_MAPPING_START_EVENT;
            if (int(open.size()) >= maxDepth) {
                *error = {"nesting too deep", markOf(e->start_mark), {}, {}, true};
                return std::nullopt;
            }
            const yaml_char_t *anchor = map ? e->data.mapping_start.anchor : e->data.sequence_start.anchor;
            const yaml_char_t *tag = map ? e->data.mapping_start.tag : e->data.sequence_start.tag;
            open.push_back(add(map ? NodeType::Map : NodeType::Sequence, *e, anchor, tag ? text(tag) : "?"));
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (!open.empty()) open.pop_back();
            break;
        default: break;
        }
    }
    return std::nullopt;
}

}  // namespace flowdeck::yamlread

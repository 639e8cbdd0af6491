#include "formula/formula.h"

#include <cctype>
#include <unordered_set>

namespace jixiao {

// A run of one precedence level (a + b - c, a * b / c, a < b, a && b && c)
// is one kChain node, evaluated left to right in a loop, and a run of
// prefix operators (- - !x) is one kUnary node: a formula of 100 000 terms
// or signs is a flat node, not a tree as deep as it is long. What still
// nests (parentheses, calls, ?:) is bounded by kMaxFormulaNesting.
struct Formula::Node {
  enum Kind { kNumber, kName, kUnary, kChain, kCall, kTernary } kind;
  Decimal number;
  std::string text;  // name or function; for kUnary its prefix operators, outermost first
  std::vector<std::shared_ptr<const Node>> args;
  std::vector<std::string> ops;  // kChain: ops[i] joins args[i] and args[i + 1]
  std::vector<size_t> op_offsets;
  size_t offset = 0;
};

namespace {
using NodePtr = std::shared_ptr<const Formula::Node>;

bool IsNameByte(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '.' || c >= 0x80;
}

class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  NodePtr ParseAll(std::vector<std::string>* names) {
    names_ = names;
    for (const auto& n : *names_) seen_.insert(n);
    NodePtr n = Ternary();
    Skip();
    if (pos_ < s_.size()) throw FormulaError("unexpected '" + CharAt(pos_) + "'", pos_);
    return n;
  }

 private:
  void Skip() {
    while (pos_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[pos_]))) {
        ++pos_;
      } else if (s_.compare(pos_, 3, "\xE3\x80\x80") == 0) {  // ideographic space
        pos_ += 3;
      } else {
        break;
      }
    }
  }
  // Where the next token starts: an operator's offset is its own, not the
  // whitespace before it.
  size_t Here() {
    Skip();
    return pos_;
  }
  // The whole UTF-8 character at `at`, for messages.
  std::string CharAt(size_t at) const {
    unsigned char c = static_cast<unsigned char>(s_[at]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return s_.substr(at, len);
  }
  bool Eat(const char* op) {
    Skip();
    size_t n = std::char_traits<char>::length(op);
    if (s_.compare(pos_, n, op) == 0) {
      pos_ += n;
      return true;
    }
    return false;
  }
  static NodePtr Make(Formula::Node::Kind k, std::string text, std::vector<NodePtr> args,
                      size_t off) {
    auto n = std::make_shared<Formula::Node>();
    n->kind = k;
    n->text = std::move(text);
    n->args = std::move(args);
    n->offset = off;
    return n;
  }

  // Counts the nesting of Ternary(): each parenthesis, call argument and
  // ?: branch enters it once.
  struct Nest {
    Parser& p;
    explicit Nest(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxFormulaNesting)
        throw FormulaError("nested more than " + std::to_string(kMaxFormulaNesting) +
                               " levels deep (parentheses, function calls, ?:)",
                           p.pos_);
    }
    ~Nest() { --p.depth_; }
  };

  // A left-associative run `next (op next)*`; a single operand stays itself.
  template <typename Next, typename Match>
  NodePtr Chain(Next next, Match match) {
    NodePtr first = next();
    std::vector<NodePtr> args;
    std::vector<std::string> ops;
    std::vector<size_t> offs;
    for (;;) {
      size_t off = Here();
      std::string op = match();
      if (op.empty()) break;
      if (args.empty()) args.push_back(first);
      ops.push_back(std::move(op));
      offs.push_back(off);
      args.push_back(next());
    }
    if (args.empty()) return first;
    auto n = std::make_shared<Formula::Node>();
    n->kind = Formula::Node::kChain;
    n->args = std::move(args);
    n->ops = std::move(ops);
    n->op_offsets = std::move(offs);
    n->offset = n->op_offsets.front();
    return n;
  }

  NodePtr Ternary() {
    Nest nest(*this);
    NodePtr c = Or();
    size_t off = Here();
    if (Eat("?")) {
      NodePtr a = Ternary();
      if (!Eat(":")) throw FormulaError("expected ':'", pos_);
      NodePtr b = Ternary();
      return Make(Formula::Node::kTernary, "?", {c, a, b}, off);
    }
    return c;
  }
  NodePtr Or() {
    return Chain([this] { return And(); }, [this] { return std::string(Eat("||") ? "||" : ""); });
  }
  NodePtr And() {
    return Chain([this] { return Compare(); }, [this] { return std::string(Eat("&&") ? "&&" : ""); });
  }
  NodePtr Compare() {
    return Chain([this] { return Add(); },
                 [this]() -> std::string {
                   static const char* ops[] = {"<=", ">=", "==", "!=", "<", ">", "\xE2\x89\xA5", "\xE2\x89\xA4"};
                   for (const char* op : ops) {
                     if (!Eat(op)) continue;
                     std::string o = op;
                     if (o == "\xE2\x89\xA5") return ">=";  // ≥
                     if (o == "\xE2\x89\xA4") return "<=";  // ≤
                     return o;
                   }
                   return "";
                 });
  }
  NodePtr Add() {
    return Chain([this] { return Mul(); },
                 [this]() -> std::string { return Eat("+") ? "+" : Eat("-") ? "-" : ""; });
  }
  NodePtr Mul() {
    return Chain([this] { return Unary(); },
                 [this]() -> std::string {
                   if (Eat("*") || Eat("\xC3\x97")) return "*";
                   if (Eat("/") || Eat("\xC3\xB7")) return "/";
                   return "";
                 });
  }
  // Prefix operators in a loop: a unary plus is dropped, - and ! are kept
  // in order on one node.
  NodePtr Unary() {
    size_t off = Here();
    std::string ops;
    for (;;) {
      if (Eat("-")) ops += '-';
      else if (Eat("+")) continue;
      else if (Eat("!")) ops += '!';
      else break;
    }
    NodePtr operand = Primary();
    if (ops.empty()) return operand;
    return Make(Formula::Node::kUnary, std::move(ops), {operand}, off);
  }
  NodePtr Primary() {
    Skip();
    size_t off = pos_;
    if (pos_ >= s_.size()) throw FormulaError("unexpected end of formula", pos_);
    if (Eat("(") || Eat("\xEF\xBC\x88")) {  // ( or （
      NodePtr n = Ternary();
      if (!Eat(")") && !Eat("\xEF\xBC\x89")) throw FormulaError("expected ')'", pos_);
      return n;
    }
    unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (std::isdigit(c)) {
      size_t b = pos_;
      while (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '.')) ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '%') ++pos_;
      else if (s_.compare(pos_, 3, "\xEF\xBC\x85") == 0) pos_ += 3;  // ％
      auto v = Decimal::Parse(s_.substr(b, pos_ - b));
      if (!v) throw FormulaError("bad number '" + s_.substr(b, pos_ - b) + "'", b);
      auto n = std::make_shared<Formula::Node>();
      n->kind = Formula::Node::kNumber;
      n->number = *v;
      n->offset = b;
      return n;
    }
    if (IsNameByte(c) && c != '.') {
      size_t b = pos_;
      while (pos_ < s_.size() && IsNameByte(static_cast<unsigned char>(s_[pos_]))) {
        // Full-width brackets end a name: 实际支出（万元） is not one name.
        if (s_.compare(pos_, 3, "\xEF\xBC\x88") == 0 || s_.compare(pos_, 3, "\xEF\xBC\x89") == 0 ||
            s_.compare(pos_, 3, "\xE3\x80\x80") == 0 || s_.compare(pos_, 3, "\xEF\xBC\x8C") == 0 ||
            s_.compare(pos_, 2, "\xC3\x97") == 0 ||
            s_.compare(pos_, 2, "\xC3\xB7") == 0 || s_.compare(pos_, 3, "\xE2\x89\xA5") == 0 ||
            s_.compare(pos_, 3, "\xE2\x89\xA4") == 0)
          break;
        ++pos_;
      }
      std::string name = s_.substr(b, pos_ - b);
      if (Eat("(")) {
        static const char* fns[] = {"min", "max", "sum", "avg", "abs", "round", "if"};
        bool known = false;
        for (const char* f : fns) known = known || name == f;
        if (!known) throw FormulaError("unknown function '" + name + "'", b);
        std::vector<NodePtr> args;
        if (!Eat(")")) {
          do args.push_back(Ternary());
          while (Eat(",") || Eat("\xEF\xBC\x8C"));  // , or ，
          if (!Eat(")")) throw FormulaError("expected ')'", pos_);
        }
        size_t want = name == "abs" ? 1 : name == "round" ? 2 : name == "if" ? 3 : 0;
        if ((want && args.size() != want) || (!want && args.empty()))
          throw FormulaError("wrong number of arguments to " + name + "()", b);
        return Make(Formula::Node::kCall, name, std::move(args), b);
      }
      if (seen_.insert(name).second) names_->push_back(name);
      return Make(Formula::Node::kName, name, {}, b);
    }
    throw FormulaError("unexpected '" + CharAt(pos_) + "'", off);
  }

  const std::string& s_;
  size_t pos_ = 0;
  std::vector<std::string>* names_ = nullptr;
  std::unordered_set<std::string> seen_;
  int depth_ = 0;
};

Decimal Eval(const Formula::Node& n, const NameLookup& lookup) {
  using K = Formula::Node;
  auto arg = [&](size_t i) { return Eval(*n.args[i], lookup); };
  auto truth = [](const Decimal& d) { return !d.IsZero(); };
  switch (n.kind) {
    case K::kNumber: return n.number;
    case K::kName: {
      auto v = lookup(n.text);
      if (!v) throw FormulaError("unknown name '" + n.text + "'", n.offset);
      return *v;
    }
    case K::kUnary: {
      Decimal v = arg(0);
      for (size_t i = n.text.size(); i-- > 0;) v = n.text[i] == '-' ? -v : Decimal(truth(v) ? 0 : 1);
      return v;
    }
    case K::kTernary: return truth(arg(0)) ? arg(1) : arg(2);
    case K::kChain: {
      // Left to right, as ((a op b) op c) …; && and || stop at the first
      // operand that decides them, so `x != 0 && y / x > 1` never divides by 0.
      Decimal acc = arg(0);
      for (size_t i = 0; i < n.ops.size(); ++i) {
        const std::string& op = n.ops[i];
        if (op == "&&" || op == "||") {
          bool t = truth(acc);
          if (op == "&&" ? !t : t) {
            acc = Decimal(t ? 1 : 0);
            continue;
          }
          acc = Decimal(truth(arg(i + 1)) ? 1 : 0);
          continue;
        }
        Decimal b = arg(i + 1);
        if (op == "+") acc = acc + b;
        else if (op == "-") acc = acc - b;
        else if (op == "*") acc = acc * b;
        else if (op == "/") {
          if (b.IsZero()) throw FormulaError("division by zero", n.op_offsets[i]);
          acc = acc / b;
        } else if (op == "<") acc = Decimal(acc < b ? 1 : 0);
        else if (op == "<=") acc = Decimal(acc <= b ? 1 : 0);
        else if (op == ">") acc = Decimal(acc > b ? 1 : 0);
        else if (op == ">=") acc = Decimal(acc >= b ? 1 : 0);
        else if (op == "==") acc = Decimal(acc == b ? 1 : 0);
        else acc = Decimal(acc != b ? 1 : 0);
      }
      return acc;
    }
    case K::kCall: {
      const std::string& f = n.text;
      if (f == "if") return truth(arg(0)) ? arg(1) : arg(2);
      if (f == "abs") return arg(0).Abs();
      if (f == "round") {
        Decimal places = arg(1);
        if (!places.IsInteger() || places < Decimal(0) || places > Decimal(12))
          throw FormulaError("round() takes 0 to 12 places", n.offset);
        return arg(0).Round(static_cast<int>(places.Raw().get_num().get_si()));
      }
      Decimal acc = arg(0);
      for (size_t i = 1; i < n.args.size(); ++i) {
        Decimal v = arg(i);
        if (f == "min") acc = Min(acc, v);
        else if (f == "max") acc = Max(acc, v);
        else acc += v;
      }
      if (f == "avg") acc = acc / Decimal(static_cast<long>(n.args.size()));
      return acc;
    }
  }
  return Decimal();
}
}  // namespace

std::string QuoteFormula(const std::string& text) {
  if (text.size() <= kFormulaQuoteBytes) return text;
  size_t end = kFormulaQuoteBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a character
  return text.substr(0, end) + "\xE2\x80\xA6";  // …
}

Formula Formula::Parse(const std::string& text) {
  Formula f;
  f.text_ = text;
  Parser p(f.text_);
  f.root_ = p.ParseAll(&f.names_);
  return f;
}

Decimal Formula::Evaluate(const NameLookup& lookup) const {
  if (!root_) throw FormulaError("empty formula", 0);
  return Eval(*root_, lookup);
}

}  // namespace jixiao

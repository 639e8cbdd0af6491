// formula: any expression over the project's values and `weight`, limited
// to [0, weight].
#include "base/messages.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class FormulaKind : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kFormula; }
  const char* name() const override { return "formula"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    src.CheckKeys({"kind", "formula"});
    if (!src.node["formula"]) src.diags.Error(rule.loc, src.code(), msg::kMissingKey, "formula");
    else if (auto f = src.ParseFormula(src.node["formula"])) rule.formula = *f;
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    Decimal raw = r.formula.Evaluate([&](const std::string& n) -> std::optional<Decimal> {
      if (n == "weight") return ind.weight;
      return in.lookup(n);
    });
    Decimal s = ClampToWeight(raw, ind.weight);
    return {s, fmt::format("按公式 {} 计算得 {}{}。", r.formula.Text(), Points(s),
                           s != raw ? "（限于 0 至满分）" : "")};
  }

  std::vector<RuleFormula> Formulas(const Rule& r) const override {
    if (r.formula.Empty()) return {};
    return {{&r.formula, r.loc, false}};
  }

  const char* Label() const override { return "公式计算"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    std::vector<std::string> names;
    for (const auto& n : r.formula.Names())
      if (n != "weight") names.push_back(n);
    WorkbookEntry e;
    e.needs = "按公式计算：" + r.formula.Text() + DataSheetNote(names);
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    return "得分 = " + r.formula.Text() + "，限于 0 至满分";
  }
};

}  // namespace

const RuleKindUnit& FormulaRuleKind() {
  static const FormulaKind unit;
  return unit;
}

}  // namespace jixiao

// pass_line: (value − pass) ÷ (full − pass) × weight, 0 below the pass line.
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/pass_line.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class PassLine : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kPassLine; }
  const char* name() const override { return "pass_line"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    src.CheckKeys({"kind", "value", "pass", "full", "value_max"});
    src.ReadValueName(rule);
    PassLineParams p;
    p.pass = src.Number("pass", false).value_or(*Decimal::Parse("60%"));
    p.full = src.Number("full", false).value_or(Decimal(1));
    if (p.full <= p.pass) src.diags.Error(rule.loc, src.code(), msg::kPassAboveFull);
    rule.SetParams(std::move(p));
    src.ReadValueMax(rule, std::nullopt);
  }

  RuleResult Apply(const Indicator& ind, const Rule& rule, const RuleInput& in) const override {
    const PassLineParams& r = rule.Params<PassLineParams>();
    const Decimal v = in.value.value_or(Decimal());
    const std::string& name = rule.value;
    if (v >= r.full)
      return {ind.weight, fmt::format("{} {}，达到 {}，得满分 {}。", name, MeasuredRate(v),
                                      RuleLimit(r.full), Points(ind.weight))};
    if (v < r.pass)
      return {Decimal(0), fmt::format("{} {}，低于及格线 {}，得 0 分。", name, MeasuredRate(v),
                                      RuleLimit(r.pass))};
    Decimal score = (v - r.pass) / (r.full - r.pass) * ind.weight;
    return {score, fmt::format("{} {}：({} − {}) ÷ ({} − {}) × {} = {}。", name, MeasuredRate(v),
                               MeasuredRate(v), RuleLimit(r.pass), RuleLimit(r.full),
                               RuleLimit(r.pass), ind.weight.ToShort(kScorePlaces), Points(score.Round(kScorePlaces)))};
  }

  const char* Label() const override { return "及格线计分"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    return ReadsValueEntry(r);
  }
  bool ReadsRate(const Rule& r) const override { return r.Params<PassLineParams>().full <= Decimal(1); }

  std::string Describe(const Indicator& ind, const Rule& rule) const override {
    const PassLineParams& r = rule.Params<PassLineParams>();
    auto P = [](const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); };
    return fmt::format("{} ≥ {} 得满分；低于 {} 不得分；其间得分 = ({} − {}) ÷ ({} − {}) × {} 分",
                       rule.value, P(r.full), P(r.pass), rule.value, P(r.pass), P(r.full), P(r.pass),
                       ind.weight.ToShort(kScorePlaces));
  }
};

}  // namespace

const RuleKindUnit& PassLineRuleKind() {
  static const PassLine unit;
  return unit;
}

}  // namespace jixiao

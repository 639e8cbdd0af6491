// manual: the evaluator's judgement; a reason is required below the weight.
#include "base/messages.h"
#include "base/precision.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class Manual : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kManual; }
  const char* name() const override { return "manual"; }

  void Read(const RuleSource& src, Rule&) const override { src.CheckKeys({"kind"}); }

  const char* RequiredAnswer(const Rule&) const override { return "score + reason"; }
  void BindAnswer(const Indicator& ind, const Rule& r, const Answer& a,
                  Diagnostics& diags) const override {
    if (!a.score) diags.Error(a.loc, ind.code, msg::kMissingAnswerField, "score");
    if (a.unmet || a.met || !a.tier.empty())
      diags.Error(a.loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(r.kind), "score, reason");
  }
  bool FullScoreNeedsReason() const override { return false; }
  bool JudgesScore() const override { return true; }

  RuleResult Apply(const Indicator& ind, const Rule&, const RuleInput& in) const override {
    Decimal s = ScaledAnswerScore(ind, *in.answer->score);
    if (s == ind.weight) return {s, fmt::format("评价组评定得满分 {}。", Points(s))};
    return {s, fmt::format("评价组评定得 {}（满分 {}）。", Points(s), RulePoints(ind.weight))};
  }

  const char* Label() const override { return "专家评定"; }
  WorkbookEntry Workbook(const Indicator& ind, const Rule&, const IndicatorSystem&) const override {
    WorkbookEntry e;
    e.needs = fmt::format("评价组评定，在“得分”列填写 0–{} 分；低于满分须写扣分原因。", ind.weight.ToShort(kScorePlaces));
    e.judged = true;
    return e;
  }

  std::string Describe(const Indicator&, const Rule&) const override {
    return "由评价组按评分标准评定，低于满分须说明理由";
  }
};

}  // namespace

const RuleKindUnit& ManualRuleKind() {
  static const Manual unit;
  return unit;
}

}  // namespace jixiao

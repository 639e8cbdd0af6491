// qualitative: tiers of the weight (达成/部分达成/未达成); the evaluator picks
// a tier and a score inside it.
#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/qualitative.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class Qualitative : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kQualitative; }
  const char* name() const override { return "qualitative"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    const YamlFile& y = src.yaml;
    const std::string& code = src.code();
    Diagnostics& diags = src.diags;
    src.CheckKeys({"kind", "tiers"});
    QualitativeParams p;
    if (YamlNode ts = src.node["tiers"]) {
      if (y.IsList(ts, "tiers", code, diags)) {
        for (const auto& t : ts) {
          if (!y.IsMap(t, "tier {name, low, high}", code, diags)) continue;
          y.CheckKeys(t, {"name", "low", "high"}, code, diags);
          p.tiers.push_back(Tier{y.String(t, "name", true, code, diags).value_or(""),
                                 y.Number(t, "low", true, code, diags).value_or(Decimal()),
                                 y.Number(t, "high", true, code, diags).value_or(Decimal())});
        }
      }
    } else {
      // 财预〔2020〕10号 自评表: 达成 100–80%, 部分达成 80–60%, 未达成 60–0%.
      p.tiers = {{"达成", *Decimal::Parse("80%"), Decimal(1)},
                 {"部分达成", *Decimal::Parse("60%"), *Decimal::Parse("80%")},
                 {"未达成", Decimal(0), *Decimal::Parse("60%")}};
    }
    rule.SetParams(std::move(p));
  }

  const char* RequiredAnswer(const Rule&) const override { return "tier + score + reason"; }
  void BindAnswer(const Indicator& ind, const Rule& r, const Answer& a,
                  Diagnostics& diags) const override {
    const std::string& code = ind.code;
    if (a.tier.empty()) {
      diags.Error(a.loc, code, msg::kMissingAnswerField, "tier");
      return;
    }
    const Tier* tier = nullptr;
    std::vector<std::string> tier_names;
    for (const auto& t : r.Params<QualitativeParams>().tiers) {
      tier_names.push_back(t.name);
      if (t.name == a.tier) tier = &t;
    }
    if (!tier) {
      std::string list;
      for (const auto& t : tier_names) list += (list.empty() ? "" : ", ") + t;
      diags.ErrorHint(a.loc, code, NearestName(a.tier, tier_names), msg::kBadChoice, a.tier, list);
      return;
    }
    if (!a.score) {
      diags.Error(a.loc, code, msg::kMissingAnswerField, "score");
      return;
    }
    Decimal lo = tier->low * ind.weight, hi = tier->high * ind.weight;
    bool top = tier->high >= Decimal(1);
    if (*a.score < lo || *a.score > hi || (!top && *a.score >= hi))
      diags.Error(a.score_loc, code, msg::kScoreOutsideTier, a.score->ToExactString(), tier->name,
                  lo.ToExactString(), hi.ToExactString(), top ? "]" : ")");
  }
  bool JudgesScore() const override { return true; }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    const Answer& a = *in.answer;
    const Tier* t = nullptr;
    for (const auto& tier : r.Params<QualitativeParams>().tiers)
      if (tier.name == a.tier) t = &tier;
    Decimal s = ScaledAnswerScore(ind, *a.score);  // 折算计分 when others are 不适用
    return {s, fmt::format("评价为“{}”（{}–{} 权重分），得 {}。", a.tier, t ? t->low.ToPercent(kTierBoundPlaces) : "",
                           t ? t->high.ToPercent(kTierBoundPlaces) : "", Points(s))};
  }

  const char* Label() const override { return "定性分档"; }
  WorkbookEntry Workbook(const Indicator& ind, const Rule& r, const IndicatorSystem&) const override {
    WorkbookEntry e;
    std::string tiers;
    for (const auto& t : r.Params<QualitativeParams>().tiers) {
      tiers += (tiers.empty() ? "" : "；") + fmt::format("{} {}–{} 分", t.name, (t.low * ind.weight).ToShort(kScorePlaces),
                                                       (t.high * ind.weight).ToShort(kScorePlaces));
      e.choices.push_back(t.name);
    }
    e.needs = "在“评价”列选择档次，并在“得分”列填写档内得分：" + tiers + "。";
    e.judgement = WorkbookEntry::Judgement::kChoice;
    e.judged = true;
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    const std::vector<Tier>& tiers = r.Params<QualitativeParams>().tiers;
    std::string s = "定性评价分档：";
    for (size_t i = 0; i < tiers.size(); ++i)
      s += (i ? "，" : "") + tiers[i].name + " " + tiers[i].low.ToPercent(kTierBoundPlaces) + "–" + tiers[i].high.ToPercent(kTierBoundPlaces);
    return s + " 权重分，由评价组在档内评定并说明理由";
  }
};

}  // namespace

const RuleKindUnit& QualitativeRuleKind() {
  static const Qualitative unit;
  return unit;
}

}  // namespace jixiao

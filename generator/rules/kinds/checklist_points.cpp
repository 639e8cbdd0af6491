// checklist_points: explicit points per item; the sum may exceed the weight
// (002 B21) and is capped at it. The answer names the unmet items.
#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/checklist_points.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class ChecklistPoints : public ChecklistAnswerUnit {
 public:
  RuleKind kind() const override { return RuleKind::kChecklistPoints; }
  const char* name() const override { return "checklist_points"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    ChecklistPointsParams p;
    p.items = ReadChecklistItems(src, rule, true);
    rule.SetParams(std::move(p));
  }

  size_t ItemCount(const Rule& r) const override { return r.Params<ChecklistPointsParams>().items.size(); }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    std::vector<int> unmet = UnmetItems(*in.answer);
    const auto& items = r.Params<ChecklistPointsParams>().items;
    Decimal sum;
    std::vector<int> met;
    for (size_t i = 0; i < items.size(); ++i) {
      if (std::find(unmet.begin(), unmet.end(), static_cast<int>(i + 1)) != unmet.end()) continue;
      sum += items[i].points;
      met.push_back(static_cast<int>(i + 1));
    }
    Decimal score = Min(sum, ind.weight);
    std::string s;
    if (met.empty()) s = "各项均不满足";
    else s = fmt::format("满足第{}项，合计 {}", ItemList(met), Points(sum));
    if (!unmet.empty()) s += fmt::format("；第{}项不满足", ItemList(unmet));
    if (sum > ind.weight) s += fmt::format("，超过满分按 {}计", Points(ind.weight));
    return {score, s + fmt::format("，得 {}。", Points(score))};
  }

  const char* Label() const override { return "要点计分"; }
  WorkbookEntry Workbook(const Indicator& ind, const Rule& r, const IndicatorSystem&) const override {
    const auto& items = r.Params<ChecklistPointsParams>().items;
    WorkbookEntry e;
    e.needs = fmt::format("逐项判断下列 {} 个要点，在“评价”列选 是/否；满足者得相应分，合计最高 {} 分。",
                          items.size(), ind.weight.ToShort(kScorePlaces));
    for (size_t i = 0; i < items.size(); ++i)
      e.items.push_back(CircledNumber(static_cast<int>(i + 1)) + " " + items[i].text + "（" +
                        items[i].points.ToShort(kScorePlaces) + " 分）");
    return e;
  }

  std::string Describe(const Indicator&, const Rule&) const override {
    return "按评价要点逐项计分，合计超过满分的按满分计";
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    out << YAML::Key << "items" << YAML::Value << YAML::BeginSeq;
    for (const auto& it : r.Params<ChecklistPointsParams>().items)
      out << YAML::BeginMap << YAML::Key << "text" << YAML::Value << it.text << YAML::Key
          << "points" << YAML::Value << it.points.ToExactString() << YAML::EndMap;
    out << YAML::EndSeq;
  }
};

}  // namespace

const RuleKindUnit& ChecklistPointsRuleKind() {
  static const ChecklistPoints unit;
  return unit;
}

}  // namespace jixiao

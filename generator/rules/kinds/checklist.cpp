// checklist: N equal points, each unmet one takes weight/N ("N项各占1/N权重分，
// 每有一项不满足，则扣除相应权重分", 002 A11–A32). The answer names the unmet items.
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/checklist.h"
#include "rules/kinds/checklist_items.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class Checklist : public ChecklistAnswerUnit {
 public:
  RuleKind kind() const override { return RuleKind::kChecklist; }
  const char* name() const override { return "checklist"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    ChecklistParams p;
    for (auto& item : ReadChecklistItems(src, rule, false)) p.items.push_back(std::move(item.text));
    rule.SetParams(std::move(p));
  }

  size_t ItemCount(const Rule& r) const override { return r.Params<ChecklistParams>().items.size(); }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    std::vector<int> unmet = UnmetItems(*in.answer);
    size_t n = r.Params<ChecklistParams>().items.size();
    Decimal each = ind.weight / Decimal(static_cast<long>(n));
    Decimal lost = each * Decimal(static_cast<long>(unmet.size()));
    Decimal score = ind.weight - lost;
    if (unmet.empty())
      return {score, fmt::format("{} 项评价要点均满足，得满分 {}。", n, Points(ind.weight))};
    return {score, fmt::format("{} 项评价要点中第{}项不满足，每项 {}，扣 {}，得 {}。", n,
                               ItemList(unmet), RulePoints(each), Points(lost), Points(score))};
  }

  const char* Label() const override { return "要点等分"; }
  WorkbookEntry Workbook(const Indicator& ind, const Rule& r, const IndicatorSystem&) const override {
    const auto& items = r.Params<ChecklistParams>().items;
    WorkbookEntry e;
    e.needs = fmt::format("逐项判断下列 {} 个要点，在“评价”列选 是/否；每项 {} 分。", items.size(),
                          (ind.weight / Decimal(static_cast<long>(items.size()))).ToShort(kScorePlaces));
    for (size_t i = 0; i < items.size(); ++i)
      e.items.push_back(CircledNumber(static_cast<int>(i + 1)) + " " + items[i]);
    return e;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    const size_t n = r.Params<ChecklistParams>().items.size();
    return fmt::format("评价要点 {} 项，各占 1/{} 权重分，每有一项不满足扣除相应权重分", n, n);
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    out << YAML::Key << "items" << YAML::Value << YAML::BeginSeq;
    for (const auto& it : r.Params<ChecklistParams>().items) out << it;
    out << YAML::EndSeq;
  }
};

}  // namespace

const RuleKindUnit& ChecklistRuleKind() {
  static const Checklist unit;
  return unit;
}

}  // namespace jixiao

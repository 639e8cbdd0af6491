#include "rules/rules.h"

#include "rules/rule_kind.h"

namespace jixiao {

std::string CircledNumber(int n) {
  static const char* circled[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩",
                                  "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱", "⑲", "⑳"};
  if (n >= 1 && n <= 20) return circled[n - 1];
  return "(" + std::to_string(n) + ")";
}

RuleResult ApplyRule(const Indicator& ind, const Rule& r, const RuleInput& in) {
  return UnitOf(r.kind).Apply(ind, r, in);
}

Decimal ScaledAnswerScore(const Indicator& ind, const Decimal& written) {
  if (!ind.written_weight || ind.written_weight->IsZero() || *ind.written_weight == ind.weight)
    return written;
  return written * ind.weight / *ind.written_weight;
}

}  // namespace jixiao

#include "rules/rule_kind_chinese.h"

namespace jixiao {

const char* RuleKindChinese(RuleKind k) {
  switch (k) {
    case RuleKind::kChecklist: return "要点等分";
    case RuleKind::kChecklistPoints: return "要点计分";
    case RuleKind::kRatio: return "比率×分值";
    case RuleKind::kSteps: return "阶梯扣分";
    case RuleKind::kProportional: return "按比例得分";
    case RuleKind::kBands: return "分段计分";
    case RuleKind::kAllOrNothing: return "满足得满分";
    case RuleKind::kConditions: return "条件计分";
    case RuleKind::kQualitative: return "定性分档";
    case RuleKind::kManual: return "专家评定";
    case RuleKind::kFormula: return "公式计算";
    case RuleKind::kPassLine: return "及格线计分";
    case RuleKind::kTarget: return "指标值对比";
    case RuleKind::kBudgetRate: return "预算执行率";
  }
  return "?";
}

}  // namespace jixiao

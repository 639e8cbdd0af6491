// The scoring sheet (评分表, 附件1's layout) as both sides see it: the file
// and sheet names and the header labels. In: nothing; out: names.
// render/xlsx/render_xlsx.cpp writes the single labels (kScore …), each the
// first of a list below;
// load/load_scoring_sheet.cpp (used by `import` and `check`) finds a
// sheet's header by any of them, since submitted sheets are made by anyone
// and word their headers in these ways. Labels are compared with all
// whitespace removed ("一级\n指标" is 一级指标).
#pragma once

namespace jixiao {
namespace scoring_sheet {

inline constexpr const char* kWorkbookName = "评分表.xlsx";
inline constexpr const char* kSheet = "评分表";  // the tree, the scores, 合计 and 评价等级
inline constexpr const char* kSummarySheet = "汇总";
inline constexpr const char* kSurveySheet = "满意度";
inline constexpr const char* kFundsSheet = "资金";

// The header over the level columns.
inline constexpr const char* kIndicators = "评价指标";
// One label per level, over a (名称, 权重) pair: 一级指标 … 九级指标; the
// last pair shown takes "三级及以下指标" when the system goes deeper.
inline constexpr const char* kLevelNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
inline constexpr const char* kLevelSuffix = "级指标";
inline constexpr const char* kLevelNameSuffix = "级指标名称";  // read only
inline constexpr const char* kLevelAndBelowSuffix = "级及以下指标";
// The labels jixiao writes; each is the first of the list the reader
// accepts for it.
inline constexpr const char* kName = "名称";
inline constexpr const char* kWeight = "权重";
inline constexpr const char* kExplanation = "指标解释";
inline constexpr const char* kCriteria = "评分标准";
inline constexpr const char* kScore = "得分";
inline constexpr const char* kReason = "扣分原因";

// Under each level: the name and the weight.
inline constexpr const char* kNameLabels[] = {kName, "指标名称", "指标"};
inline constexpr const char* kWeightPrefixes[] = {kWeight, "分值"};  // 权重（分）, 分值
inline constexpr const char* kWeightLabels[] = {"标准分", "满分"};
// A 附件1 with one weight column for every level (read by `import`,
// import/one_column_sheet.cpp): 一级指标 | 二级指标 | 三级指标 each one
// column of names, and a single column headed by one of these (权重（分）,
// 分值, 分数, 标准分, 满分) holding each indicator's weight on its own row.
// A parent may carry its total there on a row of its own, or in its name
// ("决策（20分）"), or nowhere (its weight is then its children's sum).
inline constexpr const char* kOneWeightPrefixes[] = {kWeight, "分值", "分数", "标准分", "满分"};
// Or no level labels at all: one column of indicators headed by one of
// these, each row's level given by its code (A, A1, A11; 1, 1.1, 1.1.1) or
// its numbering (一、 then （一） then 1. then （1）, in the order they appear),
// parents on rows of their own carrying their totals.
inline constexpr const char* kIndicatorColumnLabels[] = {kIndicators, "指标名称", "绩效指标", "考核指标",
                                                         "指标内容", "指标"};
// The texts: a label containing the first, or equal to one of the rest.
inline constexpr const char* kExplanationLabels[] = {kExplanation, "指标说明", "指标内涵", "指标释义", "指标定义"};
inline constexpr const char* kCriteriaLabels[] = {kCriteria,  "评分细则", "评分办法", "评分规则",
                                                  "评分方法", "计分标准", "计分方法", "评分依据"};
// A submitted sheet's own scores and reasons, which `check` reads.
inline constexpr const char* kScoreLabels[] = {kScore, "评价得分", "实际得分"};
inline constexpr const char* kReasonPrefixes[] = {kReason, "扣分理由", "扣分说明"};

// The rows below the leaves, as written: the deductions, their total (with
// "（上限 N 分）" when capped), the total and the grade.
inline constexpr const char* kDeductions = "减分项";
inline constexpr const char* kDeductionTotal = "减分合计";
inline constexpr const char* kCapWord = "上限";
inline constexpr const char* kTotal = "合计";
inline constexpr const char* kGrade = "评价等级";
// A label starting with any of these ends the indicator rows (减分 starts
// both 减分项 and 减分合计).
inline constexpr const char* kStopPrefixes[] = {kTotal,   "总计",     "总分",     "减分",    "加分项",
                                                kGrade,   "得分合计", "综合得分", "综合评分"};

}  // namespace scoring_sheet
}  // namespace jixiao

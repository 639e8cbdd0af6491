// The 项目支出绩效自评表 (财预〔2020〕10号 附件) as both sides see it: the
// file and sheet names and the labels of its blocks. In: nothing; out:
// names. render/xlsx/render_self_xlsx.cpp writes these labels;
// load/load_self_form.cpp finds the blocks of a filled form by them (and by
// the variants other offices write, which it lists itself).
#pragma once

namespace jixiao {
namespace self_form {

inline constexpr const char* kWorkbookName = "自评表.xlsx";
inline constexpr const char* kSheet = "自评表";
inline constexpr const char* kTitle = "项目支出绩效自评表";

// The project.
inline constexpr const char* kProjectName = "项目名称";
inline constexpr const char* kDepartment = "主管部门";
inline constexpr const char* kImplementer = "实施单位";

// 项目资金: one row per source under 年度资金总额.
inline constexpr const char* kBudget = "项目资金";
inline constexpr const char* kBudgetInitial = "年初预算数";
inline constexpr const char* kBudgetFullYear = "全年预算数";
inline constexpr const char* kBudgetExecuted = "全年执行数";
inline constexpr const char* kWeight = "分值";
inline constexpr const char* kRate = "执行率";
inline constexpr const char* kScore = "得分";
inline constexpr const char* kBudgetTotal = "年度资金总额";
inline constexpr const char* kOfWhich = "其中：";  // before the first source

// 年度总体目标: 预期目标 | 实际完成情况.
inline constexpr const char* kGoals = "年度总体目标";
inline constexpr const char* kGoalExpected = "预期目标";
inline constexpr const char* kGoalActual = "实际完成情况";

// 绩效指标: the indicator table's header.
inline constexpr const char* kIndicators = "绩效指标";
inline constexpr const char* kLevel1 = "一级指标";
inline constexpr const char* kLevel2 = "二级指标";
inline constexpr const char* kLevel3 = "三级指标";
inline constexpr const char* kTarget = "年度指标值";
inline constexpr const char* kActual = "实际完成值";
inline constexpr const char* kDeviation = "偏差原因分析及改进措施";
inline constexpr const char* kDeviationKey = "偏差原因";  // what the reader looks for in it
inline constexpr const char* kNotApplicable = "不适用";

// Below the table.
inline constexpr const char* kTotal = "总分";
inline constexpr const char* kGradePrefix = "自评等级：";
inline constexpr const char* kNotes = "评分说明";

}  // namespace self_form
}  // namespace jixiao

//! The confirmation: shown only after the petition was committed to the database.

use super::date_label;
use crate::domain::petition::category::Category;
use crate::features::petition::draft_keeper::DraftKeeper;
use crate::features::petition::view::Receipt;
use crate::ui::PageTitle;
use crate::ui::form::{StepHeading, typed_lang};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The receipt and the dated next steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub receipt: Receipt,
    pub category: Category,
    pub title: String,
    pub files: usize,
    /// The latest day the handling unit must tell the citizen whether it accepts (第23条),
    /// counted from the bureau's last day to transfer.
    pub acknowledge_by: NaiveDate,
}

#[component]
pub fn DonePage(confirmation: Confirmation) -> impl IntoView {
    let c = confirmation;
    let received = super::time_label(&c.receipt.received_at);
    view! {
        <PageTitle text="信访事项已提交" />
        <div class="wrap narrow receipt">
            <div class="panel" role="status">
                <StepHeading>"信访事项已提交"</StepHeading>
                <p class="panel-number">
                    "信访件编号" <br /> <strong id="receipt-number">{c.receipt.number.clone()}</strong>
                </p>
                <p class="panel-number">
                    "查询码" <br /> <strong id="receipt-code">{c.receipt.query_code.clone()}</strong>
                </p>
            </div>
            <p class="warning">
                <strong>
                    "请抄下或打印保存编号和查询码。查询码只显示这一次，我们不保存它，无法找回。"
                </strong>
            </p>
            {c
                .receipt
                .same_matter_as
                .clone()
                .map(|other| {
                    view! {
                        <p class="notice" id="same-matter">
                            "提示：您此前就同一事项提交的 " <strong>{other}</strong>
                            " 仍在办理中。两件会一并处理，请不要再重复提交。"
                        </p>
                    }
                })}
            <dl class="facts">
                <dt>"标题"</dt>
                <dd translate="no" lang=typed_lang(&c.title)>
                    {c.title.clone()}
                </dd>
                <dt>"类别"</dt>
                <dd>{c.category.label()}</dd>
                <dt>"收到时间"</dt>
                <dd>{received}</dd>
                <dt>"材料"</dt>
                <dd>
                    {if c.files == 0 {
                        "没有上传".to_owned()
                    } else {
                        format!("{} 个文件", c.files)
                    }}
                </dd>
            </dl>
            <h2>"接下来"</h2>
            <ol class="next-steps">
                <li>
                    "信访部门最迟在 " <strong>{date_label(c.receipt.due.register)}</strong>
                    " 前登记，并转送或交办有权处理的单位（《信访工作条例》第二十二条）。"
                </li>
                <li>
                    "承办单位收到后 15 日内书面告知您是否受理，最迟约在 "
                    <strong>{date_label(c.acknowledge_by)}</strong> " 前（第二十三条）。"
                </li>
                <li>
                    "受理后一般在 60 日内办结；情况复杂的可以延长，但不超过 30 日，并告知您理由（第三十四条）。"
                </li>
                <li>"对处理意见不服的，可以在收到书面答复之日起 30 日内请求复查（第三十五条）。"</li>
            </ol>
            <p class="note">
                "期限从收到之日的次日起算；最后一天是法定节假日的，顺延到节假日后的第一个工作日。"
            </p>
            <p class="no-print">
                "您可以用浏览器的“打印”功能打印本页作为回执。随时可以在 "
                <a href="/lookup">"查询办理进度"</a> " 页面用编号和查询码查看进展。"
            </p>
            <DraftKeeper mode="clear".to_owned() step="done".to_owned() />
        </div>
    }
}

use crate::features::petition::draft_keeper::DraftKeeper;
use crate::ui::PageTitle;
use leptos::prelude::*;

/// What can be raised here, what belongs elsewhere, the privacy notice (个人信息保护法 第17条) and
/// what happens next.
#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <PageTitle text="网上信访" />
        <div class="wrap narrow">
            <h1>"网上信访"</h1>
            <p class="lead">
                "您可以在这里向本市党委和政府信访部门反映情况，提出建议、意见或者投诉请求（《信访工作条例》第十七条）。"
            </p>
            <p id="resume-offer" class="notice" hidden>
                "这台设备上保存有您未完成的填写。" <a href="/petition/resume">"继续上次的填写"</a>
                "，或者按下面的按钮重新开始。"
            </p>
            <h2>"可以在这里反映"</h2>
            <ul>
                <li>"对机关、单位工作的建议和意见；"</li>
                <li>"对机关、单位及其工作人员违法失职行为的检举控告；"</li>
                <li>"涉及您自身权益、又没有其他法定途径解决的诉求。"</li>
            </ul>
            <h2>"应当走其他途径的"</h2>
            <p>
                "已经或者应当通过法院、检察院、公安机关、仲裁、行政复议等程序处理的事项，要按照相应的法定程序提出（第三十一条）。填写过程中会帮您判断，并告诉您该去哪里、有什么期限。"
            </p>
            <h2>"提交以后"</h2>
            <ul>
                <li>"提交后立即得到信访件编号和查询码，用来查询办理进度。"</li>
                <li>"信访部门在 15 日内登记，并转送或交办有权处理的单位（第二十二条）。"</li>
                <li>"承办单位收到后 15 日内书面告知您是否受理（第二十三条）；受理后一般在 60 日内办结（第三十四条）。"</li>
            </ul>
            <h2>"您需要准备"</h2>
            <ul>
                <li>"本人姓名、18 位身份证号码、手机号码和住址；"</li>
                <li>"您的请求、事实和理由；"</li>
                <li>"可选：相关材料的照片或 PDF 文件，最多 5 个，每个不超过 10 MB。"</li>
            </ul>
            <p>"大约需要 10 分钟。填写的内容只保存在您自己的设备上，直到您提交。"</p>
            <details class="privacy">
                <summary>"个人信息如何处理（请阅读）"</summary>
                <p>
                    "我们收集您的姓名、身份证号码、手机号码、住址和您填写的事项内容，只用于登记、转送、办理和答复您的信访事项，以及依法统计（《中华人民共和国个人信息保护法》第十七条）。"
                </p>
                <p>
                    "这些信息只提供给办理您的事项所必需的机关、单位和工作人员；检举控告类事项，您的身份不会透露给被检举控告的单位和人员（《信访工作条例》第三十条）。"
                </p>
                <p>
                    "信息按照档案管理规定保存。您可以查阅、复制、更正您的个人信息；有疑问可以到信访接待场所或拨打 12345 咨询。"
                </p>
            </details>
            <form method="post" action="/petition">
                <input type="hidden" name="step" value="start" />
                <button type="submit" class="button start" name="action" value="continue">
                    "现在开始"
                </button>
            </form>
            <DraftKeeper mode="start".to_owned() step="start".to_owned() />
        </div>
    }
}

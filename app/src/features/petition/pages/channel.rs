//! Where the route check sends a matter that has its own statutory channel (第31条 (一)–(五),
//! 第22条): where to go, what time limits apply, and help with legal aid.

use crate::domain::petition::Route;
use crate::features::petition::draft_keeper::DraftKeeper;
use crate::features::petition::journey::Draft;
use crate::ui::PageTitle;
use crate::ui::form::HiddenFields;
use crate::ui::form::StepHeading;
use leptos::prelude::*;

struct Guidance {
    heading: &'static str,
    why: &'static str,
    steps: &'static [&'static str],
}

fn guidance(route: Route) -> Guidance {
    match route {
        Route::Litigation => Guidance {
            heading: "请通过法院、检察院或公安机关的法定程序解决",
            why: "您的问题属于应当由审判机关、检察机关、公安机关依照法律程序处理的事项（涉法涉诉）。《信访工作条例》第三十一条第一项规定，这类事项按照法律法规规定的程序处理；信访部门收到这类信件，也会转送同级政法部门（第二十二条）。",
            steps: &[
                "对法院的判决、裁定不服的，可以依法上诉或者申请再审；",
                "对公安机关、检察院的决定有异议的，可以向作出决定的机关或者其上级机关申请复议、复核或者提出申诉；",
                "上诉、复议、申诉都有期限，期限写在您收到的判决书、裁定书或者决定书上，请尽快办理，不要因为先来信访而错过。",
            ],
        },
        Route::Arbitration => Guidance {
            heading: "请先申请仲裁",
            why: "您的问题应当通过仲裁解决。《信访工作条例》第三十一条第二项规定，这类事项导入仲裁程序处理。",
            steps: &[
                "劳动、人事争议：向用人单位所在地或者劳动合同履行地的劳动人事争议仲裁委员会申请仲裁；申请仲裁的时效期间为一年（《劳动争议调解仲裁法》第二十七条）；",
                "农村土地承包经营纠纷：向农村土地承包仲裁委员会申请仲裁；",
                "对仲裁裁决不服的，可以按照裁决书写明的期限向人民法院起诉。",
            ],
        },
        Route::PartyAppeal => Guidance {
            heading: "请通过党员申诉或者申请复审解决",
            why: "《信访工作条例》第三十一条第三项规定，可以通过党员申诉、申请复审等解决的，导入相应程序处理。",
            steps: &[
                "向作出处理、处分的党组织或者它的上级党组织、纪检机关提出申诉；",
                "申诉时写明您的请求和理由，附上处理、处分决定书。",
            ],
        },
        Route::Administrative => Guidance {
            heading: "请申请行政复议或者提起行政诉讼",
            why: "您对行政机关作出的决定不服。《信访工作条例》第三十一条第四项规定，可以通过行政复议、行政裁决、行政确认、行政许可、行政处罚等行政程序解决的，导入相应程序处理。",
            steps: &[
                "向行政复议机关申请行政复议：一般应当自知道该行政行为之日起 60 日内提出（《行政复议法》第二十条）；",
                "或者向人民法院提起行政诉讼：一般应当自知道作出行政行为之日起 6 个月内提出（《行政诉讼法》第四十六条）；",
                "决定书上写明了复议机关和期限的，以决定书为准。",
            ],
        },
        Route::DutyToAct => Guidance {
            heading: "请直接向负有职责的部门提出",
            why: "请求查处违法行为、保护人身权或者财产权，是有关部门的法定职责。《信访工作条例》第三十一条第五项规定，这类请求由有关部门依法履行职责或者答复。",
            steps: &[
                "危及人身、财产安全的，请立即拨打 110 报警；",
                "向主管部门投诉、举报，例如市场监管、住房城乡建设、人力资源社会保障、生态环境等部门，也可以拨打 12345 政务服务便民热线，由热线转给负责的部门；",
                "部门不履行职责或者不答复的，可以依法申请行政复议或者提起行政诉讼。",
            ],
        },
        Route::Officials => Guidance {
            heading: "检举控告党员、公职人员，请向纪检监察机关反映",
            why: "对党员、公职人员违纪违法和职务违法、职务犯罪的检举控告，由纪检监察机关受理。信访部门收到这类检举控告，会按照管理权限转送纪检监察机关（《信访工作条例》第二十二条），所以直接向纪检监察机关反映更快。",
            steps: &[
                "拨打纪检监察举报电话 12388，或者通过纪检监察机关的举报网站、来信、来访反映；",
                "如果您仍然希望通过信访渠道提交，可以继续填写，我们会依法转送。",
            ],
        },
        Route::Petition => Guidance {
            heading: "可以在这里提交",
            why: "",
            steps: &[],
        },
    }
}

/// Where a statutory channel sends the matter, in one line (the route chart of the library).
pub fn channel_heading(route: Route) -> &'static str {
    guidance(route).heading
}

#[component]
pub fn ChannelPage(route: Route, draft: Draft) -> impl IntoView {
    let g = guidance(route);
    let hidden = draft.hidden_fields(&[]);
    view! {
        <PageTitle text=g.heading />
        <div class="wrap narrow">
            <StepHeading>{g.heading}</StepHeading>
            <p>{g.why}</p>
            <h2>"怎么办"</h2>
            <ul>{g.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            <h2>"需要法律帮助"</h2>
            <p>
                "可以拨打 12348 公共法律服务热线咨询。经济困难或者属于法律规定情形的，可以向法律援助机构申请法律援助（《法律援助法》第三十一条、第三十二条）。"
            </p>
            <form id="journey" method="post" action="/petition" novalidate data-step="route">
                <input type="hidden" name="step" value="route" />
                <HiddenFields fields=hidden />
                <div class="buttons">
                    {route
                        .continues_here()
                        .then(|| {
                            view! {
                                <button
                                    type="submit"
                                    class="button"
                                    name="action"
                                    value="goto:petitioner"
                                >
                                    "仍然在这里提交"
                                </button>
                            }
                        })}
                    <button type="submit" class="button secondary" name="action" value="goto:route">
                        "返回修改我的回答"
                    </button>
                </div>
            </form>
            <p>
                <a href="/">"回到首页"</a>
            </p>
            <DraftKeeper mode="step".to_owned() step="route".to_owned() />
        </div>
    }
}

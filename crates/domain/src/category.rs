//! Chinese names of category codes. FORMAT.md leaves `category` a free code; these are the codes
//! Zhifa's generator and forms use. An unknown code is shown as it is, never refused.

/// `(code, Chinese name)`: incident and case categories, then property categories.
const NAMES: &[(&str, &str)] = &[
    ("theft.burglary", "入室盗窃"),
    ("theft.pickpocket", "扒窃"),
    ("theft.vehicle", "盗窃车辆"),
    ("theft.minor", "小额盗窃"),
    ("fraud.telecom", "电信网络诈骗"),
    ("fraud.contract", "合同诈骗"),
    ("robbery", "抢劫"),
    ("injury.assault", "故意伤害"),
    ("drug.trafficking", "贩卖毒品"),
    ("drug.use", "吸食毒品"),
    ("order.fight", "殴打他人"),
    ("order.disturbance", "寻衅滋事"),
    ("gambling", "赌博"),
    ("prostitution", "卖淫嫖娼"),
    ("damage.property", "故意损毁财物"),
    ("harassment", "骚扰他人"),
    ("weapons.knife", "非法携带管制刀具"),
    ("dispute.neighbour", "邻里纠纷"),
    ("dispute.family", "家庭纠纷"),
    ("dispute.labour", "劳资纠纷"),
    ("dispute.consumer", "消费纠纷"),
    ("dispute.traffic", "交通纠纷"),
    ("economic.illegal_fundraising", "非法集资"),
    ("traffic.drunk_driving", "醉酒驾驶"),
    ("assist.drunk", "醉酒求助"),
    ("assist.locked_out", "开锁求助"),
    ("assist.lost_person", "寻人求助"),
    ("assist.lost_property", "财物遗失求助"),
    ("assist.medical", "急病求助"),
    ("traffic.accident", "交通事故"),
    ("traffic.congestion", "交通拥堵"),
    ("traffic.parking", "违法停车"),
    ("other.animal", "动物伤人或走失"),
    ("other.consult", "咨询"),
    ("other.invalid", "无效报警"),
    ("other.noise", "噪音扰民"),
    ("cash", "现金"),
    ("computer", "电脑"),
    ("deposit", "存款"),
    ("drugs", "毒品"),
    ("evidence", "物证"),
    ("gambling_tools", "赌具"),
    ("jewelry", "首饰"),
    ("phone", "手机"),
    ("tools", "作案工具"),
    ("vehicle", "车辆"),
    ("weapon", "管制器具"),
];

/// The Chinese name of a category code, if Zhifa knows it.
pub fn name(code: &str) -> Option<&'static str> {
    NAMES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// The name to show: the Chinese name when known, else the code itself.
pub fn display(code: &str) -> &str {
    name(code).unwrap_or(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_have_chinese_names_and_unknown_ones_show_as_they_are() {
        assert_eq!(display("theft.burglary"), "入室盗窃");
        assert_eq!(display("gambling_tools"), "赌具");
        assert_eq!(display("050200"), "050200");
        let mut codes: Vec<&str> = NAMES.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), NAMES.len(), "each code once");
        assert!(
            NAMES.iter().all(|(_, n)| !n.is_ascii()),
            "every name is Chinese"
        );
    }
}

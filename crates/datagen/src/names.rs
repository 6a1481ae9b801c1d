//! Static vocabulary: names, places, incident categories and their summaries, property kinds.
//!
//! Everything here is invented for synthetic data; place names only need to sound plausible.

/// Surnames with rough frequency weights (most common first).
pub(crate) const SURNAMES: &[(&str, u32)] = &[
    ("王", 72),
    ("李", 71),
    ("张", 69),
    ("刘", 54),
    ("陈", 46),
    ("杨", 32),
    ("黄", 25),
    ("赵", 21),
    ("吴", 20),
    ("周", 19),
    ("徐", 15),
    ("孙", 15),
    ("马", 13),
    ("朱", 12),
    ("胡", 11),
    ("郭", 11),
    ("何", 10),
    ("林", 10),
    ("高", 10),
    ("罗", 9),
    ("郑", 9),
    ("梁", 8),
    ("谢", 7),
    ("宋", 6),
    ("唐", 6),
    ("许", 6),
    ("韩", 6),
    ("冯", 5),
    ("邓", 5),
    ("曹", 5),
    ("彭", 5),
    ("曾", 5),
    ("肖", 5),
    ("田", 4),
    ("董", 4),
    ("袁", 4),
    ("潘", 4),
    ("于", 4),
    ("蒋", 4),
    ("蔡", 4),
    ("余", 4),
    ("杜", 4),
    ("叶", 4),
    ("程", 4),
    ("苏", 3),
    ("魏", 3),
    ("吕", 3),
    ("丁", 3),
    ("任", 3),
    ("沈", 3),
    ("姚", 3),
    ("卢", 3),
    ("姜", 3),
    ("崔", 3),
    ("钟", 3),
    ("谭", 3),
    ("陆", 3),
    ("汪", 3),
    ("范", 3),
    ("金", 3),
    ("石", 3),
    ("廖", 2),
    ("贾", 2),
    ("夏", 2),
    ("韦", 2),
    ("付", 2),
    ("方", 2),
    ("白", 2),
    ("邹", 2),
    ("孟", 2),
    ("熊", 2),
    ("秦", 2),
    ("邱", 2),
    ("江", 2),
    ("尹", 2),
    ("薛", 2),
    ("闫", 2),
    ("段", 2),
    ("雷", 2),
    ("侯", 2),
    ("龙", 2),
    ("史", 2),
    ("陶", 2),
    ("黎", 2),
    ("贺", 2),
    ("顾", 2),
    ("毛", 2),
    ("郝", 2),
    ("龚", 1),
    ("邵", 1),
    ("万", 1),
    ("钱", 1),
    ("严", 1),
    ("覃", 1),
    ("武", 1),
    ("戴", 1),
    ("莫", 1),
    ("孔", 1),
    ("向", 1),
    ("汤", 1),
    ("欧阳", 1),
    ("司马", 1),
];

pub(crate) const MALE_CHARS: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "洋", "亮", "建",
    "国", "文", "志", "峰", "海", "东", "晨", "阳", "博", "昊", "天", "泽", "瑞", "睿", "子", "轩",
    "嘉", "航", "铭", "德", "成", "荣", "新", "永", "春", "兵", "毅", "俊", "忠", "山", "胜", "利",
];

pub(crate) const FEMALE_CHARS: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "玲", "燕", "婷", "雪", "慧", "莹", "琳", "晶",
    "颖", "倩", "洁", "梅", "兰", "红", "萍", "琴", "云", "欣", "怡", "佳", "悦", "涵", "萱", "雨",
    "诗", "梦", "思", "晓", "月", "彤", "瑶", "璐", "楠", "丹", "蕾", "薇", "秀", "英", "华", "春",
];

pub(crate) const XIAOQU: &[&str] = &[
    "阳光花园",
    "锦绣家园",
    "翠湖苑",
    "和平新村",
    "金色港湾",
    "丽景湾",
    "书香门第",
    "幸福里",
    "御景华庭",
    "康乐小区",
    "滨江花园",
    "紫荆苑",
    "碧桂园",
    "万科城",
    "东方明珠",
    "桃源居",
    "香榭丽舍",
    "世纪新城",
    "绿地公馆",
    "春晖苑",
    "朝阳小区",
    "文苑小区",
    "工人新村",
    "凤凰城",
];

pub(crate) const ROADS: &[&str] = &[
    "人民路",
    "解放路",
    "中山路",
    "建设路",
    "新华路",
    "胜利路",
    "文化路",
    "长江路",
    "黄河路",
    "湖滨路",
    "青年路",
    "光明路",
    "迎宾大道",
    "环城北路",
    "环城南路",
    "工业大道",
    "学府路",
    "朝阳路",
    "东风路",
    "滨江大道",
    "开发区大道",
    "五一路",
    "八一路",
    "天山路",
];

pub(crate) const VENUES: &[&str] = &[
    "万达广场",
    "步行街",
    "火车站广场",
    "汽车客运站",
    "人民公园",
    "农贸市场",
    "夜市",
    "星光网吧",
    "金樽KTV",
    "蓝调酒吧",
    "华联超市",
    "人民医院门口",
    "体育中心",
    "城南菜市场",
    "商业街",
    "地铁站出口",
    "城东批发市场",
    "大学城",
    "汽配城",
    "滨江公园",
];

pub(crate) const REASONS: &[&str] = &[
    "楼上漏水",
    "噪音",
    "停车位",
    "楼道堆放杂物",
    "装修",
    "宠物",
    "排污管道",
    "边界围墙",
    "晾晒衣物",
    "空调外机",
];

pub(crate) const ITEMS: &[&str] = &[
    "手机一部",
    "钱包一个",
    "笔记本电脑一台",
    "金项链一条",
    "挎包一个",
    "自行车一辆",
    "现金若干",
];

pub(crate) const PHONE_BRANDS: &[&str] = &["华为", "小米", "苹果", "OPPO", "vivo", "荣耀"];
pub(crate) const CAR_BRANDS: &[&str] = &["大众", "丰田", "本田", "比亚迪", "吉利", "长安", "别克"];

pub(crate) const LOSS_AMOUNTS: &[i64] = &[
    800, 1200, 2000, 3500, 5000, 6800, 8000, 12000, 15000, 20000, 26000, 38000, 50000, 86000,
    120000,
];

pub(crate) const CHECKOUT_PURPOSES: &[&str] = &[
    "送检鉴定",
    "价格认定",
    "组织辨认",
    "随案移送检察院审查",
    "比对检验",
];

pub(crate) const NOT_NOTIFIED_REASONS: &[&str] =
    &["无法通知", "无家属联系方式", "家属在境外无法联系"];

/// The six incident natures of FORMAT.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nature {
    Criminal,
    Administrative,
    Dispute,
    Assistance,
    Traffic,
    Other,
}

impl Nature {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Nature::Criminal => "criminal",
            Nature::Administrative => "administrative",
            Nature::Dispute => "dispute",
            Nature::Assistance => "assistance",
            Nature::Traffic => "traffic",
            Nature::Other => "other",
        }
    }

    /// Share of all incidents, in per mille.
    pub(crate) fn weight(self) -> u32 {
        match self {
            Nature::Criminal => 70,
            Nature::Administrative => 145,
            Nature::Dispute => 240,
            Nature::Assistance => 220,
            Nature::Traffic => 165,
            Nature::Other => 160,
        }
    }

    pub(crate) const ALL: [Nature; 6] = [
        Nature::Criminal,
        Nature::Administrative,
        Nature::Dispute,
        Nature::Assistance,
        Nature::Traffic,
        Nature::Other,
    ];
}

/// Who a seized item belongs to, which decides how it is disposed of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    /// Stolen or defrauded goods: returned to the victim.
    Victim,
    /// The suspect's own things kept as evidence: returned or sent with the case.
    Suspect,
    /// Contraband, tools, drugs, gambling stakes: confiscated or destroyed.
    Contraband,
    /// A frozen account balance: released or sent with the case.
    Frozen,
}

/// A kind of seized property; `{n}`, `{amt}`, `{phone}`, `{car}` in descriptions are filled in.
pub(crate) struct PropKind {
    pub category: &'static str,
    pub descriptions: &'static [&'static str],
    pub value_yuan: (i64, i64),
    pub measure: &'static str,
    pub owner: Owner,
}

pub(crate) const PK_PHONE_SUSPECT: PropKind = PropKind {
    category: "phone",
    descriptions: &["{phone}手机一部", "{phone}手机一部（含SIM卡）"],
    value_yuan: (600, 6000),
    measure: "seizure",
    owner: Owner::Suspect,
};
pub(crate) const PK_PHONE_STOLEN: PropKind = PropKind {
    category: "phone",
    descriptions: &["被盗{phone}手机一部"],
    value_yuan: (800, 7000),
    measure: "seizure",
    owner: Owner::Victim,
};
pub(crate) const PK_EBIKE: PropKind = PropKind {
    category: "vehicle",
    descriptions: &["电动自行车一辆", "两轮电动车一辆（无牌）"],
    value_yuan: (1200, 4000),
    measure: "seizure",
    owner: Owner::Victim,
};
pub(crate) const PK_CAR: PropKind = PropKind {
    category: "vehicle",
    descriptions: &["{car}小型轿车一辆"],
    value_yuan: (30000, 180000),
    measure: "sealing",
    owner: Owner::Suspect,
};
pub(crate) const PK_CASH: PropKind = PropKind {
    category: "cash",
    descriptions: &["现金人民币{amt}元"],
    value_yuan: (200, 20000),
    measure: "seizure",
    owner: Owner::Victim,
};
pub(crate) const PK_STAKES: PropKind = PropKind {
    category: "cash",
    descriptions: &["赌资现金人民币{amt}元"],
    value_yuan: (300, 30000),
    measure: "seizure",
    owner: Owner::Contraband,
};
pub(crate) const PK_GAMBLING_TOOLS: PropKind = PropKind {
    category: "gambling_tools",
    descriptions: &["自动麻将机一台", "扑克牌{n}副", "赌博用筹码一批"],
    value_yuan: (0, 3000),
    measure: "seizure",
    owner: Owner::Contraband,
};
pub(crate) const PK_KNIFE: PropKind = PropKind {
    category: "weapon",
    descriptions: &["管制刀具一把", "弹簧刀一把", "木棍一根", "甩棍一根"],
    value_yuan: (0, 1),
    measure: "seizure",
    owner: Owner::Contraband,
};
pub(crate) const PK_TOOLS: PropKind = PropKind {
    category: "tools",
    descriptions: &["作案工具（螺丝刀、钳子）一套", "万能钥匙一串", "液压剪一把"],
    value_yuan: (0, 300),
    measure: "seizure",
    owner: Owner::Contraband,
};
pub(crate) const PK_DRUGS: PropKind = PropKind {
    category: "drugs",
    descriptions: &[
        "疑似毒品（甲基苯丙胺）{n}克",
        "疑似毒品（海洛因）{n}克",
        "吸毒工具一套",
    ],
    value_yuan: (0, 1),
    measure: "seizure",
    owner: Owner::Contraband,
};
pub(crate) const PK_JEWELRY: PropKind = PropKind {
    category: "jewelry",
    descriptions: &["黄金项链一条", "金手镯一只", "钻石戒指一枚"],
    value_yuan: (2000, 30000),
    measure: "seizure",
    owner: Owner::Victim,
};
pub(crate) const PK_LAPTOP: PropKind = PropKind {
    category: "computer",
    descriptions: &["笔记本电脑一台", "台式电脑主机一台"],
    value_yuan: (1500, 9000),
    measure: "seizure",
    owner: Owner::Suspect,
};
pub(crate) const PK_FREEZE: PropKind = PropKind {
    category: "deposit",
    descriptions: &[
        "银行账户存款人民币{amt}元",
        "第三方支付账户余额人民币{amt}元",
    ],
    value_yuan: (3000, 400000),
    measure: "freeze",
    owner: Owner::Frozen,
};
/// Physical evidence of a criminal case: seized (扣押), listed like any other item.
pub(crate) const PK_EVIDENCE: PropKind = PropKind {
    category: "evidence",
    descriptions: &["血衣一件", "监控录像存储硬盘一块", "银行卡{n}张"],
    value_yuan: (0, 200),
    measure: "seizure",
    owner: Owner::Suspect,
};
/// Evidence of a 治安 case kept by 先行登记保存 (行规 §110), decided within 7 days (CW-07).
pub(crate) const PK_PRESERVED: PropKind = PropKind {
    category: "evidence",
    descriptions: &["监控录像存储硬盘一块", "血衣一件", "行车记录仪存储卡一张"],
    value_yuan: (0, 200),
    measure: "registration_preservation",
    owner: Owner::Suspect,
};
/// Online gambling funds frozen in a 治安 case (行规 §113: 30 days, CW-09).
pub(crate) const PK_GAMBLING_FUNDS: PropKind = PropKind {
    category: "deposit",
    descriptions: &[
        "网络赌博账户资金人民币{amt}元",
        "第三方支付账户赌资人民币{amt}元",
    ],
    value_yuan: (1000, 50000),
    measure: "freeze",
    owner: Owner::Frozen,
};

/// Where an accepted incident of this category goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    None,
    Administrative,
    Criminal,
}

pub(crate) struct Category {
    pub code: &'static str,
    pub nature: Nature,
    pub weight: u32,
    pub summaries: &'static [&'static str],
    pub route: Route,
    /// Probability that a suspect is identified when the case is accepted.
    pub suspect_known: f64,
    pub suspects: (u32, u32),
    pub victim: bool,
    pub injury: bool,
    pub economic: bool,
    pub props: &'static [&'static PropKind],
}

const fn cat(
    code: &'static str,
    nature: Nature,
    weight: u32,
    summaries: &'static [&'static str],
    route: Route,
) -> Category {
    Category {
        code,
        nature,
        weight,
        summaries,
        route,
        suspect_known: 0.0,
        suspects: (1, 1),
        victim: false,
        injury: false,
        economic: false,
        props: &[],
    }
}

pub(crate) const CATEGORIES: &[Category] = &[
    // 刑事
    Category {
        suspect_known: 0.12,
        victim: true,
        props: &[&PK_FREEZE, &PK_PHONE_SUSPECT],
        ..cat(
            "fraud.telecom",
            Nature::Criminal,
            30,
            &[
                "报警人称接到冒充客服的电话，被骗{amt}元",
                "报警人称在网络刷单兼职中被骗{amt}元",
                "报警人称被冒充公检法人员诱导转账{amt}元",
                "报警人称网上投资理财被骗{amt}元",
                "报警人称被冒充熟人借钱骗走{amt}元",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 0.3,
        victim: true,
        props: &[&PK_EBIKE, &PK_TOOLS],
        ..cat(
            "theft.vehicle",
            Nature::Criminal,
            18,
            &[
                "报警人称停放在{place}的电动车被盗",
                "报警人称在{place}被盗电动车一辆",
                "报警人称停在{road}的摩托车被盗",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 0.3,
        victim: true,
        props: &[&PK_CASH, &PK_JEWELRY, &PK_TOOLS],
        ..cat(
            "theft.burglary",
            Nature::Criminal,
            14,
            &[
                "报警人称家中被盗，损失现金及财物约{amt}元",
                "报警人称{place}商铺夜间被撬，损失约{amt}元",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 0.4,
        victim: true,
        props: &[&PK_PHONE_STOLEN, &PK_CASH],
        ..cat(
            "theft.pickpocket",
            Nature::Criminal,
            10,
            &[
                "报警人称在{place}手机被扒窃",
                "报警人称在公交车上钱包被扒窃",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 0.55,
        victim: true,
        props: &[&PK_KNIFE, &PK_PHONE_STOLEN, &PK_CASH],
        ..cat(
            "robbery",
            Nature::Criminal,
            4,
            &[
                "报警人称在{place}被人持刀抢走{item}",
                "报警人称夜间在{road}被人抢走手提包",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 0.9,
        victim: true,
        injury: true,
        suspects: (1, 2),
        props: &[&PK_KNIFE, &PK_EVIDENCE],
        ..cat(
            "injury.assault",
            Nature::Criminal,
            8,
            &[
                "报警人称在{place}被多人殴打致伤",
                "群众报称{place}有人持械伤人",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 1.0,
        suspects: (1, 3),
        props: &[&PK_DRUGS, &PK_CASH, &PK_PHONE_SUSPECT],
        ..cat(
            "drug.trafficking",
            Nature::Criminal,
            5,
            &[
                "群众举报{place}有人贩卖毒品",
                "群众举报{place}附近有人兜售毒品",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 1.0,
        props: &[&PK_CAR],
        ..cat(
            "traffic.drunk_driving",
            Nature::Criminal,
            8,
            &[
                "交警在{road}查获一名驾驶员涉嫌醉酒驾驶机动车",
                "报警人称{road}有车辆疑似酒后驾驶",
            ],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 0.8,
        victim: true,
        economic: true,
        props: &[&PK_FREEZE, &PK_LAPTOP],
        ..cat(
            "fraud.contract",
            Nature::Criminal,
            2,
            &["报警人称与他人签订购销合同后对方收款失联，涉案{amt}元"],
            Route::Criminal,
        )
    },
    Category {
        suspect_known: 0.9,
        victim: true,
        economic: true,
        suspects: (1, 3),
        props: &[&PK_FREEZE, &PK_LAPTOP, &PK_CASH],
        ..cat(
            "economic.illegal_fundraising",
            Nature::Criminal,
            1,
            &["报警人称投资的理财公司无法兑付，涉案{amt}元"],
            Route::Criminal,
        )
    },
    // 治安
    Category {
        suspect_known: 0.95,
        suspects: (1, 2),
        victim: true,
        injury: true,
        props: &[&PK_KNIFE, &PK_PRESERVED],
        ..cat(
            "order.fight",
            Nature::Administrative,
            34,
            &[
                "报警人称在{place}与人发生口角后被打",
                "群众报称{place}有人打架",
                "报警人称因琐事与邻居发生肢体冲突",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 0.95,
        props: &[&PK_KNIFE],
        ..cat(
            "order.disturbance",
            Nature::Administrative,
            12,
            &[
                "报警人称{place}有人酗酒滋事",
                "报警人称有人在{place}无理取闹、扰乱秩序",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 0.45,
        victim: true,
        props: &[&PK_PHONE_STOLEN, &PK_CASH, &PK_EBIKE],
        ..cat(
            "theft.minor",
            Nature::Administrative,
            18,
            &[
                "报警人称在{place}被盗{item}，价值约{amt}元",
                "超市报称有人偷拿商品被当场发现",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        suspects: (2, 5),
        props: &[
            &PK_STAKES,
            &PK_GAMBLING_TOOLS,
            &PK_STAKES,
            &PK_GAMBLING_FUNDS,
        ],
        ..cat(
            "gambling",
            Nature::Administrative,
            8,
            &[
                "群众举报{place}有人聚众赌博",
                "群众举报{place}有人利用麻将机赌博",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        suspects: (2, 2),
        props: &[&PK_CASH, &PK_PHONE_SUSPECT],
        ..cat(
            "prostitution",
            Nature::Administrative,
            5,
            &["群众举报{place}附近出租屋疑似有卖淫嫖娼活动"],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        suspects: (1, 2),
        props: &[&PK_DRUGS],
        ..cat(
            "drug.use",
            Nature::Administrative,
            6,
            &["群众举报{place}有人吸食毒品"],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 0.5,
        victim: true,
        props: &[&PK_TOOLS],
        ..cat(
            "damage.property",
            Nature::Administrative,
            7,
            &[
                "报警人称其停放在{place}的车辆被人故意划伤",
                "报警人称店铺玻璃被人砸坏",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 0.8,
        victim: true,
        props: &[&PK_PHONE_SUSPECT],
        ..cat(
            "harassment",
            Nature::Administrative,
            6,
            &[
                "报警人称被人多次发送骚扰短信、拨打骚扰电话",
                "报警人称有人在网上散布其隐私信息",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        props: &[&PK_KNIFE],
        ..cat(
            "weapons.knife",
            Nature::Administrative,
            4,
            &["群众报称{place}有人携带管制刀具"],
            Route::Administrative,
        )
    },
    // 纠纷 (a few escalate to administrative cases)
    Category {
        suspect_known: 1.0,
        victim: true,
        ..cat(
            "dispute.neighbour",
            Nature::Dispute,
            30,
            &["邻里因{reason}发生纠纷", "报警人称与邻居因{reason}发生争执"],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        victim: true,
        ..cat(
            "dispute.family",
            Nature::Dispute,
            25,
            &[
                "报警人称与家人发生争吵，要求民警到场",
                "报警人称夫妻间发生家庭纠纷",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        victim: true,
        ..cat(
            "dispute.labour",
            Nature::Dispute,
            12,
            &["报警人称被拖欠工资{amt}元", "多名工人在{place}讨要工钱"],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        victim: true,
        ..cat(
            "dispute.consumer",
            Nature::Dispute,
            15,
            &[
                "报警人称在{place}消费时与商家发生纠纷",
                "报警人称网购退款与商家发生纠纷",
            ],
            Route::Administrative,
        )
    },
    Category {
        suspect_known: 1.0,
        victim: true,
        ..cat(
            "dispute.traffic",
            Nature::Dispute,
            18,
            &["报警人称与他人因车辆剐蹭发生纠纷"],
            Route::Administrative,
        )
    },
    // 求助
    cat(
        "assist.lost_person",
        Nature::Assistance,
        25,
        &["报警人称家中老人走失", "报警人称孩子在{place}走失"],
        Route::None,
    ),
    cat(
        "assist.lost_property",
        Nature::Assistance,
        30,
        &[
            "报警人称在{place}遗失钱包一个",
            "报警人称在出租车上遗失手机",
        ],
        Route::None,
    ),
    cat(
        "assist.locked_out",
        Nature::Assistance,
        15,
        &["报警人称被反锁门外需要帮助"],
        Route::None,
    ),
    cat(
        "assist.medical",
        Nature::Assistance,
        15,
        &["报警人称{place}有人晕倒"],
        Route::None,
    ),
    cat(
        "assist.drunk",
        Nature::Assistance,
        15,
        &["报警人称{place}有醉酒人员躺在路边"],
        Route::None,
    ),
    // 交通
    cat(
        "traffic.accident",
        Nature::Traffic,
        50,
        &[
            "报警人称在{road}发生两车相撞事故",
            "报警人称电动车与小汽车在{road}发生碰撞",
        ],
        Route::None,
    ),
    cat(
        "traffic.congestion",
        Nature::Traffic,
        20,
        &["报警人称{road}交通拥堵"],
        Route::None,
    ),
    cat(
        "traffic.parking",
        Nature::Traffic,
        30,
        &["报警人称车辆被堵无法驶出"],
        Route::None,
    ),
    // 其他
    cat(
        "other.noise",
        Nature::Other,
        35,
        &["报警人称{place}噪音扰民"],
        Route::None,
    ),
    cat(
        "other.consult",
        Nature::Other,
        30,
        &["报警人咨询户籍办理事宜", "报警人咨询出入境证件办理"],
        Route::None,
    ),
    cat(
        "other.invalid",
        Nature::Other,
        20,
        &["无效报警，报警人无声挂断", "报警人误拨110"],
        Route::None,
    ),
    cat(
        "other.animal",
        Nature::Other,
        15,
        &["报警人称{place}有流浪狗伤人"],
        Route::None,
    ),
];

/// Index of a category by its code; panics on an unknown code (a bug in this file).
pub(crate) fn category_index(code: &str) -> usize {
    CATEGORIES
        .iter()
        .position(|c| c.code == code)
        .unwrap_or_else(|| panic!("unknown category {code}"))
}

/// Regions (GB/T 2260) outside the province, for residents from elsewhere.
pub(crate) const OTHER_REGIONS: &[&str] = &[
    "430102", "510104", "420106", "360102", "450103", "350102", "410105", "522601", "500101",
    "130102", "340104", "370102",
];

/// Document kinds: (kind, word in the number, i.e. the `…字` part).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocKind {
    AcceptanceReceipt,
    FilingDecision,
    NotFilingNotice,
    SummonsWarrant,
    CompelledAppearanceWarrant,
    DetentionWarrant,
    DetentionNotice,
    ArrestWarrant,
    ArrestNotice,
    BailDecision,
    ResidentialSurveillanceDecision,
    SeizureList,
    ProsecutionOpinion,
    CaseDroppingDecision,
    PenaltyDecision,
    MediationAgreement,
    TerminationDecision,
    RightsNotice,
    ArrestExecutionReceipt,
    AppraisalOpinionNotice,
    AppraisalOpinion,
    NoPenaltyDecision,
    NotFilingExplanation,
    ChangeRequestReply,
    RehabDecision,
    ProsecutionTransferNotice,
    CustodyChangeNotice,
    TransferNotice,
    ForeignNationalReport,
    PreservationDecision,
}

impl DocKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DocKind::AcceptanceReceipt => "acceptance_receipt",
            DocKind::FilingDecision => "filing_decision",
            DocKind::NotFilingNotice => "not_filing_notice",
            DocKind::SummonsWarrant => "summons_warrant",
            DocKind::CompelledAppearanceWarrant => "compelled_appearance_warrant",
            DocKind::DetentionWarrant => "detention_warrant",
            DocKind::DetentionNotice => "detention_notice",
            DocKind::ArrestWarrant => "arrest_warrant",
            DocKind::ArrestNotice => "arrest_notice",
            DocKind::BailDecision => "bail_decision",
            DocKind::ResidentialSurveillanceDecision => "residential_surveillance_decision",
            DocKind::SeizureList => "seizure_list",
            DocKind::ProsecutionOpinion => "prosecution_opinion",
            DocKind::CaseDroppingDecision => "case_dropping_decision",
            DocKind::PenaltyDecision => "penalty_decision",
            DocKind::MediationAgreement => "mediation_agreement",
            DocKind::TerminationDecision => "termination_decision",
            DocKind::RightsNotice => "rights_notice",
            DocKind::ArrestExecutionReceipt => "arrest_execution_receipt",
            DocKind::AppraisalOpinionNotice => "appraisal_opinion_notice",
            DocKind::AppraisalOpinion => "appraisal_opinion",
            DocKind::NoPenaltyDecision => "no_penalty_decision",
            DocKind::NotFilingExplanation => "not_filing_explanation",
            DocKind::ChangeRequestReply => "change_request_reply",
            DocKind::RehabDecision => "rehab_decision",
            DocKind::ProsecutionTransferNotice => "prosecution_transfer_notice",
            DocKind::CustodyChangeNotice => "custody_change_notice",
            DocKind::TransferNotice => "transfer_notice",
            DocKind::ForeignNationalReport => "foreign_national_report",
            DocKind::PreservationDecision => "preservation_decision",
        }
    }

    /// The word before 字 in the official number, by case kind.
    pub(crate) fn word(self, criminal: bool) -> &'static str {
        match self {
            DocKind::AcceptanceReceipt => "受",
            DocKind::FilingDecision => "立",
            DocKind::NotFilingNotice => "不立",
            DocKind::SummonsWarrant if criminal => "传",
            DocKind::SummonsWarrant => "行传",
            DocKind::CompelledAppearanceWarrant => "拘传",
            DocKind::DetentionWarrant => "拘",
            DocKind::DetentionNotice => "拘通",
            DocKind::ArrestWarrant => "捕",
            DocKind::ArrestNotice => "捕通",
            DocKind::BailDecision => "取保",
            DocKind::ResidentialSurveillanceDecision => "监居",
            DocKind::SeizureList if criminal => "扣",
            DocKind::SeizureList => "行扣",
            DocKind::ProsecutionOpinion => "诉",
            DocKind::CaseDroppingDecision => "撤",
            DocKind::PenaltyDecision => "行罚决",
            DocKind::MediationAgreement => "调",
            DocKind::TerminationDecision => "终",
            DocKind::RightsNotice => "权告",
            DocKind::ArrestExecutionReceipt => "捕回",
            DocKind::AppraisalOpinionNotice => "鉴通",
            DocKind::AppraisalOpinion => "行鉴",
            DocKind::NoPenaltyDecision => "不罚决",
            DocKind::NotFilingExplanation => "不立说",
            DocKind::ChangeRequestReply => "不变更",
            DocKind::RehabDecision => "强戒",
            DocKind::ProsecutionTransferNotice => "移诉告",
            DocKind::CustodyChangeNotice => "变更羁押",
            DocKind::TransferNotice => "移管",
            DocKind::ForeignNationalReport => "涉外报",
            DocKind::PreservationDecision => "证保",
        }
    }

    pub(crate) fn index(self) -> u8 {
        self as u8
    }
}

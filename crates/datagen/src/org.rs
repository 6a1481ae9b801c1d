//! The fixed organisation: units and officers (they do not scale), and the demo accounts.

use std::collections::HashSet;

use rand::Rng;
use rand::rngs::StdRng;

use crate::DemoAccount;
use crate::names;

#[derive(Clone)]
pub(crate) struct Unit {
    pub id: String,
    pub name: String,
    pub level: &'static str,
    pub parent: Option<usize>,
}

#[derive(Clone)]
pub(crate) struct Officer {
    pub id: String,
    pub name: String,
    pub unit: usize,
    pub female: bool,
    pub auxiliary: bool,
    pub roles: Vec<&'static str>,
}

/// A county bureau (县局/分局): it runs the case-handling center and the property store.
#[derive(Clone)]
pub(crate) struct County {
    pub unit: usize,
    /// First character of the bureau name, used in document numbers (青公（刑）…).
    pub abbr: &'static str,
    /// Short bureau name used in storage locations, e.g. 青山分局.
    pub short: &'static str,
    /// GB/T 2260 region code of the county, for residents' ID numbers.
    pub region: String,
    pub legal_officers: Vec<usize>,
    pub center_staff: Vec<usize>,
    pub custodians: Vec<usize>,
    pub leaders: Vec<usize>,
    /// Station indexes (派出所), without the division.
    pub stations: Vec<usize>,
    /// Station index of the criminal investigation division (刑侦大队).
    pub division: usize,
}

/// A 派出所 or a 刑侦大队: the units that handle incidents and cases.
#[derive(Clone)]
pub(crate) struct Station {
    pub unit: usize,
    pub county: usize,
    pub regular: Vec<usize>,
    pub auxiliary: Vec<usize>,
    /// Relative share of the county's incidents.
    pub weight: u32,
}

#[derive(Clone)]
pub(crate) struct Org {
    pub units: Vec<Unit>,
    pub officers: Vec<Officer>,
    pub counties: Vec<County>,
    pub stations: Vec<Station>,
    pub accounts: Vec<DemoAccount>,
}

struct CountyDef {
    name: &'static str,
    abbr: &'static str,
    short: &'static str,
    stations: [&'static str; 4],
}

struct CityDef {
    name: &'static str,
    counties: [CountyDef; 3],
}

const PROVINCE_ID: &str = "U44";
const PROVINCE_NAME: &str = "江南省公安厅";

const CITIES: [CityDef; 2] = [
    CityDef {
        name: "江宁市公安局",
        counties: [
            CountyDef {
                name: "青山区公安分局",
                abbr: "青",
                short: "青山分局",
                stations: ["青山派出所", "城南派出所", "湖滨派出所", "新桥派出所"],
            },
            CountyDef {
                name: "东湖区公安分局",
                abbr: "东",
                short: "东湖分局",
                stations: ["东湖派出所", "月湖派出所", "长岭派出所", "花园派出所"],
            },
            CountyDef {
                name: "白沙县公安局",
                abbr: "白",
                short: "白沙县局",
                stations: ["城关派出所", "白沙镇派出所", "石门派出所", "龙潭派出所"],
            },
        ],
    },
    CityDef {
        name: "云川市公安局",
        counties: [
            CountyDef {
                name: "西江区公安分局",
                abbr: "西",
                short: "西江分局",
                stations: ["西江派出所", "滨江派出所", "北门派出所", "高新派出所"],
            },
            CountyDef {
                name: "凤鸣县公安局",
                abbr: "凤",
                short: "凤鸣县局",
                stations: ["凤鸣派出所", "青石派出所", "桃源派出所", "柳溪派出所"],
            },
            CountyDef {
                name: "临水县公安局",
                abbr: "临",
                short: "临水县局",
                stations: ["临水派出所", "双河派出所", "茶山派出所", "三江派出所"],
            },
        ],
    },
];

/// Incident shares of a county's four stations: the first is the busy town centre.
const STATION_WEIGHTS: [u32; 4] = [14, 11, 9, 7];

struct Builder<'r> {
    rng: &'r mut StdRng,
    org: Org,
    names_used: HashSet<String>,
}

impl Builder<'_> {
    fn unit(
        &mut self,
        id: String,
        name: String,
        level: &'static str,
        parent: Option<usize>,
    ) -> usize {
        self.org.units.push(Unit {
            id,
            name,
            level,
            parent,
        });
        self.org.units.len() - 1
    }

    fn officer(&mut self, unit: usize, roles: &[&'static str], auxiliary: bool) -> usize {
        let female = self.rng.gen_bool(if auxiliary { 0.12 } else { 0.22 });
        let name = loop {
            let candidate = person_name(self.rng, female);
            if self.names_used.insert(candidate.clone()) {
                break candidate;
            }
        };
        let id = format!("O{:04}", self.org.officers.len() + 1);
        self.org.officers.push(Officer {
            id,
            name,
            unit,
            female,
            auxiliary,
            roles: roles.to_vec(),
        });
        self.org.officers.len() - 1
    }

    fn officers(
        &mut self,
        unit: usize,
        roles: &[&'static str],
        n: usize,
        auxiliary: bool,
    ) -> Vec<usize> {
        (0..n)
            .map(|_| self.officer(unit, roles, auxiliary))
            .collect()
    }
}

/// A Chinese name: a surname and one or two given-name characters.
pub(crate) fn person_name(rng: &mut StdRng, female: bool) -> String {
    let total: u32 = names::SURNAMES.iter().map(|s| s.1).sum();
    let mut pick = rng.gen_range(0..total);
    let mut surname = names::SURNAMES[0].0;
    for &(s, w) in names::SURNAMES {
        if pick < w {
            surname = s;
            break;
        }
        pick -= w;
    }
    let chars = if female {
        names::FEMALE_CHARS
    } else {
        names::MALE_CHARS
    };
    let mut name = String::from(surname);
    name.push_str(chars[rng.gen_range(0..chars.len())]);
    if rng.gen_bool(0.7) {
        name.push_str(chars[rng.gen_range(0..chars.len())]);
    }
    name
}

impl Org {
    /// The province: 1 + 2 + 6 + 30 units and about 400 officers.
    pub(crate) fn build(rng: &mut StdRng) -> Org {
        let org = Org {
            units: Vec::new(),
            officers: Vec::new(),
            counties: Vec::new(),
            stations: Vec::new(),
            accounts: Vec::new(),
        };
        let mut b = Builder {
            rng,
            org,
            names_used: HashSet::new(),
        };
        let province = b.unit(PROVINCE_ID.into(), PROVINCE_NAME.into(), "province", None);
        let admin = b.officer(province, &["admin"], false);
        b.officers(province, &["supervisor"], 3, false);
        b.officers(province, &["leader"], 2, false);
        let mut city_staff = Vec::new();
        for (ci, city) in CITIES.iter().enumerate() {
            let city_id = format!("{PROVINCE_ID}{:02}", ci + 1);
            let city_unit = b.unit(city_id.clone(), city.name.into(), "city", Some(province));
            let supervisors = b.officers(city_unit, &["supervisor"], 2, false);
            let leaders = b.officers(city_unit, &["leader"], 2, false);
            b.officers(city_unit, &["legal_officer"], 1, false);
            city_staff.push((supervisors, leaders));
            for (ki, county) in city.counties.iter().enumerate() {
                let county_id = format!("{city_id}{:02}", ki + 1);
                let county_unit = b.unit(
                    county_id.clone(),
                    county.name.into(),
                    "county",
                    Some(city_unit),
                );
                let legal_officers = b.officers(county_unit, &["legal_officer"], 2, false);
                let mut center_staff = b.officers(county_unit, &["center_staff"], 2, false);
                center_staff.extend(b.officers(county_unit, &["center_staff"], 1, true));
                let custodians = b.officers(county_unit, &["custodian"], 2, false);
                let leaders = b.officers(county_unit, &["leader"], 2, false);
                b.officers(county_unit, &["supervisor"], 1, false);
                let county_index = b.org.counties.len();
                let mut stations = Vec::new();
                for (si, station) in county.stations.iter().enumerate() {
                    let unit = b.unit(
                        format!("{county_id}{:02}", si + 1),
                        (*station).into(),
                        "station",
                        Some(county_unit),
                    );
                    let regular = b.officers(unit, &["officer"], 8, false);
                    let auxiliary = b.officers(unit, &["officer"], 3, true);
                    stations.push(b.org.stations.len());
                    b.org.stations.push(Station {
                        unit,
                        county: county_index,
                        regular,
                        auxiliary,
                        weight: STATION_WEIGHTS[si],
                    });
                }
                let division_unit = b.unit(
                    format!("{county_id}05"),
                    format!("{}刑事侦查大队", county.name),
                    "division",
                    Some(county_unit),
                );
                let regular = b.officers(division_unit, &["officer"], 9, false);
                let auxiliary = b.officers(division_unit, &["officer"], 1, true);
                let division = b.org.stations.len();
                b.org.stations.push(Station {
                    unit: division_unit,
                    county: county_index,
                    regular,
                    auxiliary,
                    weight: 0,
                });
                b.org.counties.push(County {
                    unit: county_unit,
                    abbr: county.abbr,
                    short: county.short,
                    region: county_id[1..].to_owned(),
                    legal_officers,
                    center_staff,
                    custodians,
                    leaders,
                    stations,
                    division,
                });
            }
        }
        let mut org = b.org;
        let county = &org.counties[0];
        let picks: [(&str, usize); 7] = [
            ("officer", org.stations[county.stations[0]].regular[0]),
            ("legal_officer", county.legal_officers[0]),
            ("center_staff", county.center_staff[0]),
            ("custodian", county.custodians[0]),
            ("supervisor", city_staff[0].0[0]),
            ("leader", city_staff[0].1[0]),
            ("admin", admin),
        ];
        org.accounts = picks
            .iter()
            .map(|&(role, officer)| {
                let o = &org.officers[officer];
                DemoAccount {
                    officer_id: o.id.clone(),
                    name: o.name.clone(),
                    unit_id: org.units[o.unit].id.clone(),
                    unit_name: org.units[o.unit].name.clone(),
                    role: role.into(),
                }
            })
            .collect();
        org
    }
}

/**
 * The sample for a Japanese team: the same accounts, stories and scores, told with Japanese
 * companies (株式会社…) and people, amounts in yen, contacts who read Japanese, and the shipped
 * scorecards and plays in Japanese. Names are drawn from a stream of their own, so the sample's
 * stories stay exactly those of the English one with the same seed.
 */
import { Random } from '../random';
import type { Account, Contact, Workspace } from '../types';
import { shippedPlays } from './plays';
import { shippedScorecards } from './scorecards';

const words = (text: string) => text.trim().split(/\s+/);

/** Two parts of a company's name, written as Japanese companies are (北星 + 物流). */
const heads = words(`
	北 南 東 西 中央 青葉 朝日 旭 桜 富士 大和 光 東邦 日進 明和 三和 協和 第一 太陽 新星 若葉
	松風 白石 緑 丸 山 川 森 星 泉 春日 吉野 瑞穂 高砂 千代田 常盤 八幡 栄 平和 昭栄 大成 共栄
`);
const tails = words(`
	星 空 風 海 陽 光 峰 橋 野 原 台 浜 丘 里 園 谷 岡 島 屋 堂 和 栄 進 開 成 興 伸 信
`);

/** Business words by the sample's `industry` fact, so a name and its industry agree. */
const businessByIndustry: Record<string, string> = {
	software: 'ソフトウェア システム データ クラウド テクノロジー ラボ',
	telecom: '通信 ネットワーク',
	logistics: '物流 運輸 ロジスティクス',
	healthcare: 'メディカル 医療 ヘルスケア',
	'life sciences': '製薬 バイオ',
	'food and beverage': '食品 酒造',
	energy: 'エナジー 電力 ソーラー',
	'financial services': '銀行 保険 証券 ファイナンス',
	retail: '商事 リテール ストア',
	media: 'メディア 出版 スタジオ',
	manufacturing: '製作所 工業 精機 ロボティクス',
	construction: '建設 工務店 エンジニアリング',
	'professional services': 'コンサルティング パートナーズ 法律事務所',
	education: '教育 アカデミー',
	hospitality: 'ホテル トラベル'
};

/** Legal forms: most often 株式会社, before or after the name. */
const forms = ['株式会社{}', '{}株式会社', '株式会社{}', '{}株式会社', '合同会社{}', '{}'];

/** Family and given names, each with its romanisation for the email address. */
const families = [
	['佐藤', 'sato'],
	['鈴木', 'suzuki'],
	['高橋', 'takahashi'],
	['田中', 'tanaka'],
	['伊藤', 'ito'],
	['渡辺', 'watanabe'],
	['山本', 'yamamoto'],
	['中村', 'nakamura'],
	['小林', 'kobayashi'],
	['加藤', 'kato'],
	['吉田', 'yoshida'],
	['山田', 'yamada'],
	['佐々木', 'sasaki'],
	['山口', 'yamaguchi'],
	['松本', 'matsumoto'],
	['井上', 'inoue'],
	['木村', 'kimura'],
	['林', 'hayashi'],
	['清水', 'shimizu'],
	['山崎', 'yamazaki'],
	['森', 'mori'],
	['池田', 'ikeda'],
	['橋本', 'hashimoto'],
	['阿部', 'abe'],
	['石川', 'ishikawa'],
	['前田', 'maeda'],
	['藤田', 'fujita'],
	['小川', 'ogawa'],
	['岡田', 'okada'],
	['後藤', 'goto']
] as const;

const givens = [
	['太郎', 'taro'],
	['花子', 'hanako'],
	['翔太', 'shota'],
	['美咲', 'misaki'],
	['大輔', 'daisuke'],
	['愛', 'ai'],
	['健太', 'kenta'],
	['陽菜', 'hina'],
	['拓也', 'takuya'],
	['結衣', 'yui'],
	['直樹', 'naoki'],
	['彩', 'aya'],
	['誠', 'makoto'],
	['由美', 'yumi'],
	['亮', 'ryo'],
	['真由美', 'mayumi'],
	['悠人', 'yuto'],
	['さくら', 'sakura'],
	['和也', 'kazuya'],
	['恵', 'megumi'],
	['隆', 'takashi'],
	['奈々', 'nana'],
	['蓮', 'ren'],
	['千尋', 'chihiro'],
	['浩二', 'koji'],
	['明日香', 'asuka']
] as const;

/** Dollars to yen, rounded to ten thousand: an ARR a Japanese team would quote. */
const YEN_PER_DOLLAR = 150;
const toYen = (dollars: number | null | undefined) =>
	typeof dollars === 'number' ? Math.round((dollars * YEN_PER_DOLLAR) / 10_000) * 10_000 : dollars;

function companyNames(accounts: readonly Account[], random: Random): Map<string, string> {
	const taken = new Set<string>();
	const names = new Map<string, string>();
	for (const account of accounts) {
		const industry = String(account.facts?.industry ?? 'software');
		const business = words(businessByIndustry[industry] ?? businessByIndustry.software!);
		let name = '';
		for (let attempt = 0; attempt < 8 && (name === '' || taken.has(name)); attempt++) {
			const core = `${random.pick(heads)}${random.pick(tails)}${random.pick(business)}`;
			name = random.pick(forms).replace('{}', core);
		}
		// Past the word space, a numeral keeps names unique rather than searching ever longer.
		for (let n = 2; taken.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
		taken.add(name);
		names.set(account.id, name);
	}
	return names;
}

function person(contact: Contact, random: Random): Pick<Contact, 'name' | 'email'> {
	const [family, familyRoman] = random.pick(families);
	const [given, givenRoman] = random.pick(givens);
	// The address keeps its company's domain, and a broken one stays broken.
	const at = contact.email.includes(' at ') ? ' at ' : '@';
	const domain = contact.email.split(at)[1] ?? 'example.com';
	const number = contact.email.match(/(\d+)[@ ]/)?.[1] ?? '';
	return {
		name: `${family} ${given}`,
		email: `${givenRoman}.${familyRoman}${number}${at}${domain}`
	};
}

/** `workspace` (an English sample) retold for a Japanese team; `seed` draws the names. */
export function inJapanese(workspace: Workspace, seed: number): Workspace {
	const random = new Random(seed ^ 0x6a61);
	const names = companyNames(workspace.accounts, random);
	const emails = new Set<string>();
	const contacts = workspace.contacts.map((contact) => {
		let renamed = person(contact, random);
		// Two people of one company may draw the same name: their addresses must still differ.
		for (let n = 2; emails.has(renamed.email); n++)
			renamed = { ...renamed, email: renamed.email.replace(/(@| at )/, `${n}$1`) };
		emails.add(renamed.email);
		return { ...contact, ...renamed, locale: 'ja' };
	});
	return {
		...workspace,
		accounts: workspace.accounts.map((account) => ({
			...account,
			name: names.get(account.id)!,
			arr: toYen(account.arr)
		})),
		contacts,
		scorecards: shippedScorecards('ja'),
		plays: shippedPlays('ja'),
		settings: { ...workspace.settings, currency: 'JPY' }
	};
}

import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import { keepsName } from './culture.js';
import type { PersonName } from './name-token.js';
import { NameToken, foldToAscii, part } from './name-token.js';

/** Each name with its diacritics, then without: systems that keep Unicode still often lose them. */
function withDiacritics(list: string): NameToken[] {
  return list.split(',').map((entry) => entry.trim()).map((name) => new NameToken([name, foldToAscii(name)]));
}

const surnames = WeightedTable.zipf(withDiacritics(`Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ,
  Hồ, Ngô, Dương, Lý, Đinh, Trương, Lâm, Mai, Đoàn, Cao, Lưu, Tạ, Châu, Quách, Tôn, Thái, Lương, La, Hà, Kiều, Tăng, Vương`), -0.5);
const maleMiddle = WeightedTable.of([...withDiacritics('Văn').map((t) => [t, 60] as const), ...withDiacritics('Đức, Minh, Hữu, Quang, Công, Thành, Xuân, Ngọc, Trọng').map((t) => [t, 5] as const)]);
const femaleMiddle = WeightedTable.of([...withDiacritics('Thị').map((t) => [t, 65] as const), ...withDiacritics('Ngọc, Thanh, Kim, Thu, Mỹ, Hồng, Bích, Phương').map((t) => [t, 5] as const)]);
const male = WeightedTable.zipf(withDiacritics(`Minh, Tuấn, Hùng, Dũng, Nam, Long, Hải, Sơn, Thắng, Hoàng, Quân, Khoa, Phúc, Bảo,
  Huy, Đức, Trung, Hiếu, Thành, Tâm, Vinh, Cường, Tùng, Phong, Việt, Khang, Duy, Thịnh, Lộc, Tài, An, Hưng, Thiện, Toàn`));
const female = WeightedTable.zipf(withDiacritics(`Hương, Lan, Linh, Trang, Thảo, Hạnh, Hoa, Mai, Ngọc, Hằng, Nhung, Phương,
  Thủy, Yến, Vy, Hà, Anh, Chi, Dung, Hiền, Huyền, Loan, My, Nga, Nhi, Oanh, Quyên, Tuyết, Uyên, Xuân, Diệp, Trinh`));

/**
 * Vietnamese naming: surname, middle name (Văn for men, Thị for women, or another), given name,
 * written with diacritics; children take the father's surname, a wife keeps hers. A third of
 * people are Nguyễn, so namesakes are common.
 */
export const vietnamese: NameCulture = {
  id: 'vietnamese',
  name(random: Random, sex: Sex, family: NamingFamily): PersonName {
    const middle = (sex === 'M' ? maleMiddle : femaleMiddle).sample(random);
    const given = (sex === 'M' ? male : female).sample(random);
    const surname = family.father?.surname ?? [part(surnames.sample(random))];
    return { given: [part(given)], middle: [part(middle)], surname };
  },
  married: keepsName,
};

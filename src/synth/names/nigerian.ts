import { WeightedTable } from '../weighted-table.js';
import { tokens } from './name-token.js';
import { NICKNAMES } from './nicknames.js';
import { patrilineal } from './patrilineal.js';

const tables = {
  male: WeightedTable.zipf(tokens(`Emmanuel, Samuel, Chukwuemeka, Oluwaseun, Ibrahim, Musa, Daniel, David, Adebayo, Olumide,
    Oluwatobi, Oluwafemi, Chinonso, Chibuike, Abubakar, Aminu, Yusuf, Babatunde, Tunde, Kelechi, Obinna, Ikechukwu, Uchenna,
    Segun, Kayode, Femi, Godwin, Sunday, Friday, Joseph, Michael, Victor, Peter, John, Abdulrahman, Usman, Suleiman, Ifeanyi,
    Nnamdi, Ebuka, Oluwadamilare, Tochukwu, Ayodele, Akinola, Adewale`, NICKNAMES)),
  female: WeightedTable.zipf(tokens(`Blessing, Grace, Chiamaka, Ngozi, Oluwakemi, Folake, Funmilayo, Olufunmilayo, Aisha, Fatima,
    Amina, Zainab, Chioma, Adaeze, Nneka, Ifeoma, Ifeoluwa, Esther, Mary, Joy, Precious, Favour, Comfort, Patience, Titilayo,
    Yetunde, Bukola, Temitope, Abimbola, Omolara, Hadiza, Halima, Ebere, Uchechi, Nkechi, Chinyere, Adaora, Ruth, Deborah`, NICKNAMES)),
  surnames: WeightedTable.zipf(tokens(`Okafor, Okonkwo, Eze, Nwosu, Adeyemi, Ogunleye, Adebayo, Oladipo, Okeke, Obi, Ibrahim,
    Mohammed, Abubakar, Bello, Musa, Yusuf, Aliyu, Okoro, Nwachukwu, Chukwu, Onyeka, Olawale, Balogun, Adewale, Ogunbiyi,
    Akinwale, Oyelaran, Afolabi, Babatunde, Uchenna, Anyanwu, Ezeh, Nnadi, Okoye, Igwe, Onuoha, Adeleke, Ojo, Oyewole,
    Fashola, Danjuma, Garba, Sani, Lawal, Salami, Ajayi, Olatunji, Emeka, Uzor, Ekwueme`), 3),
};

/** Nigerian naming: Yoruba, Igbo and Hausa names beside Christian and Muslim given names. */
export const nigerian = patrilineal('nigerian', () => tables, { middleChance: 0.55, wifeTakesSurname: 0.8 });

import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import { keepsName } from './culture.js';
import type { NamePart, NameToken, PersonName } from './name-token.js';
import { part, tokens } from './name-token.js';

const male = WeightedTable.zipf(tokens(`Mohammed|Muhammad|Mohamed|Mohammad|Muhammed|Mohamad, Ahmed|Ahmad|Ahmet, Ali|Aly,
  Omar|Umar|Omer, Khaled|Khalid|Khalled, Youssef|Yousef|Yusuf|Yousif|Youcef, Mahmoud|Mahmud|Mahmood, Mustafa|Mostafa|Moustafa|Mostapha,
  Hassan|Hasan, Hussein|Hussain|Husayn|Hossein|Houcine, Ibrahim|Ebrahim|Brahim, Abdullah|Abdallah|Abdulla|Abd Allah,
  Abdelrahman|Abdul Rahman|Abdulrahman|Abd al-Rahman|Abderrahmane, Tarek|Tariq|Tarik, Amr|Amro|Amru, Karim|Kareem,
  Samir|Sameer, Walid|Waleed|Oualid, Said|Saeed|Saïd, Nasser|Nasir|Naser, Fadi|Fady, Rami|Ramy, Ziad|Ziyad|Zyad,
  Hamza|Hamzah, Bilal|Belal, Anas, Majid|Majed|Maged, Adel|Adil, Jamal|Gamal|Djamel, Yasser|Yasir|Yaser,
  Salah|Salah al-Din|Salaheddine, Hisham|Hesham|Hicham, Osama|Usama|Oussama, Abdelaziz|Abdul Aziz|Abdulaziz, Kamal|Kamel,
  Faisal|Faysal|Fayssal, Sami|Samy, Nabil|Nabeel, Haitham|Haytham, Marwan, Imad|Emad, Ayman|Aymen, Sherif|Sharif|Cherif`));
const female = WeightedTable.zipf(tokens(`Fatima|Fatma|Fatimah|Fatemah, Aisha|Aicha|Ayesha|Aysha, Mariam|Maryam|Meriem,
  Nour|Noor|Nur, Layla|Leila|Laila|Leyla, Huda|Hoda|Houda, Amal, Rania|Raniya, Yasmin|Yasmine|Yasmeen, Zeinab|Zainab|Zaynab,
  Salma|Selma, Hana|Hanaa, Dina|Deena, Reem|Rim, Sara|Sarah, Nada, Samira|Sameera, Khadija|Khadiga|Khadijah,
  Asmaa|Asma, Heba|Hiba, Lina|Leena, Rana, Noura|Nura, Mona|Muna, Iman|Eman|Imane, Souad|Suad|Soad, Nadia|Nadya,
  Ghada, Rasha, Doaa|Duaa|Dua, Aya|Ayah`));
const surnames = WeightedTable.zipf(tokens(`Al-Masri|Almasri|El Masry|El-Masri, Haddad, Khoury|Khouri|El Khoury, Nasser|Naser|Nasir,
  Saleh|Salih, Hamdan, Abdullah|Abdallah, Ibrahim|Ebrahim, Hassan|Hasan, Hussein|Hussain|Husain, Ali|Aly, Mahmoud|Mahmood,
  Ahmed|Ahmad, Mohamed|Mohammed|Muhammad, Al-Ahmad|Alahmad, Al-Obaidi|Alobaidi|Al Obeidi, Al-Jubouri|Aljubouri|Al Jabouri,
  Al-Tamimi|Altamimi|Al Tamimi, Al-Shammari|Alshammari|Al Shammary, Al-Rashid|Alrashid|Al Rasheed, Al-Hashimi|Alhashimi|El Hashemi,
  Khalil|Khaleel, Mansour|Mansur|Mansoor, Youssef|Yousef|Yusuf, Abdel-Fattah|Abdelfattah|Abd El Fattah,
  Abdel-Rahman|Abdelrahman|Abdul Rahman, El-Sayed|Elsayed|El Sayed|Al-Sayed, Farouk|Farouq|Faruk, Hamad|Hamed,
  Qasim|Kassem|Kasim|Qassem, Darwish|Darwiche|Derwish, Aziz, Bakr|Bakri|Bakry, Suleiman|Soliman|Sulaiman|Slimane,
  Othman|Osman|Uthman, Benali|Ben Ali, Bennani, El Amrani|Amrani, Benjelloun, Tazi, Alaoui|El Alaoui, Idrissi|El Idrissi,
  Saadi|Al-Saadi|Elsaadi, Zaki|Zaky, Fawzi|Fawzy, Shalaby|Shalabi|Chalabi, Gaber|Jaber|Jabir, Abboud|Aboud, Nagy|Naji`), 2);

/** A person's own spelling of a name: usually the common one, often another (passports differ by country and decade). */
function spelled(random: Random, token: NameToken): NamePart {
  return part(token, token.forms.length > 1 && random.chance(0.45) ? 1 + random.below(token.forms.length - 1) : 0);
}

/**
 * Arabic naming: a given name, the father's given name as middle name (the name chain), and a
 * family name, each with several transliterations; a wife keeps her name.
 */
export const arabic: NameCulture = {
  id: 'arabic',
  name(random: Random, sex: Sex, family: NamingFamily): PersonName {
    const given = spelled(random, (sex === 'M' ? male : female).sample(random));
    const fathers = family.father?.given[0] ?? spelled(random, male.sample(random));
    const surname = family.father?.surname ?? [spelled(random, surnames.sample(random))];
    return { given: [given], middle: [fathers], surname };
  },
  married: keepsName,
};

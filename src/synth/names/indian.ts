import { WeightedTable } from '../weighted-table.js';
import { tokens } from './name-token.js';
import type { NameTables } from './patrilineal.js';
import { patrilineal } from './patrilineal.js';

const male = `Rahul, Amit, Sanjay, Rajesh, Suresh, Ramesh, Vijay, Anil, Sunil, Deepak, Manoj, Arun, Ravi, Ashok,
  Rakesh, Mahesh, Praveen, Srinivas, Venkata, Krishna, Naveen, Kiran, Sandeep, Vikram, Arjun, Rohit, Nikhil, Aditya,
  Karthik, Harish, Ganesh, Prakash, Mohan, Gaurav, Varun, Siddharth, Pradeep, Dinesh, Anand, Vinod, Satish, Prasad,
  Raghav, Abhishek, Ankit, Harpreet, Gurpreet, Jaspreet, Manpreet, Mohammed, Imran, Sai, Vivek, Ajay, Yash, Aarav`;
const female = `Priya, Anjali, Sunita, Lakshmi, Deepa, Kavita, Pooja, Neha, Swati, Divya, Meena, Anita, Rekha, Suman,
  Shweta, Sneha, Aishwarya, Ananya, Shruti, Ritu, Geeta, Padma, Radha, Usha, Jyoti, Nisha, Preeti, Sangeetha, Kavya,
  Harini, Revathi, Bhavana, Sarita, Manisha, Parveen, Harpreet, Gurpreet, Jaspreet, Simran, Fatima, Asha, Rani, Aditi`;

const north = `Patel, Sharma, Singh, Kumar, Gupta, Shah, Mehta, Agarwal, Jain, Verma, Mishra, Joshi, Pandey, Desai,
  Chauhan, Yadav, Saxena, Kapoor, Malhotra, Bhatt, Trivedi, Srivastava, Chopra, Arora, Khanna, Sethi, Goyal, Bansal,
  Thakur, Chaudhary, Dubey, Tiwari, Sinha, Das, Banerjee, Chatterjee, Mukherjee, Ghosh, Bose, Dutta, Kaur, Gill,
  Sandhu, Sidhu, Dhillon, Grewal, Khan, Ansari, Qureshi`;
const south = `Reddy, Rao, Naidu, Iyer, Iyengar, Nair, Menon, Pillai, Krishnan, Subramanian, Raman, Venkatesh,
  Srinivasan, Ramachandran, Gopal, Murthy, Shetty, Hegde, Kamath, Bhat, Kulkarni, Deshpande, Patil, Chowdary, Varma,
  Raju, Prasad, Kumar, Thomas, George, Joseph, Mathew, Varghese, Nambiar, Gowda, Sastry, Sharma, Devi`;

function table(surnames: string): NameTables {
  return { male: WeightedTable.zipf(tokens(male)), female: WeightedTable.zipf(tokens(female)), surnames: WeightedTable.zipf(tokens(surnames), 1) };
}
const regions: Readonly<Record<string, NameTables>> = { north: table(north), south: table(south) };

/**
 * Indian naming, north and south. Many southern names use a father's or village name as the
 * surname; some people have one name only and records write FNU for the missing given name.
 */
export const indian = patrilineal('indian', (region) => regions[region] ?? (regions['north']), { middleChance: 0.25, wifeTakesSurname: 0.75 });

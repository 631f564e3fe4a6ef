import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import { keepsName } from './culture.js';
import type { NamePart, NameToken, PersonName } from './name-token.js';
import { part, tokens } from './name-token.js';
import { NICKNAMES } from './nicknames.js';

const male = WeightedTable.zipf(tokens(`José, Juan, Luis, Carlos, Jesús, Miguel, Francisco, Jorge, Antonio, Alejandro, Pedro,
  Manuel, Ricardo, Fernando, Roberto, Javier, Eduardo, Daniel, Rafael, Sergio, Arturo, Víctor, Mario, Raúl, Martín,
  Enrique, Óscar, Gerardo, Alberto, Héctor, Ramón, Guillermo, Salvador, Armando, Rubén, Alfredo, Ernesto, Andrés,
  Hugo, Gabriel, Diego, Santiago, Ángel, Marco, Julio, Ignacio, Joaquín, Rodrigo, Emiliano, Sebastián, Humberto,
  Gustavo, Adrián, Felipe, Cristian, Érick, Kevin, Brayan, Édgar, Nelson, Mauricio, Samuel, Isaac, Leonardo, Matías,
  Iván, Orlando, Abel, Moisés, Israel, Lorenzo, Agustín, Teodoro, Benito, Efraín, Rigoberto, Ulises, Noé, Fidel, Tomás`, NICKNAMES));
const female = WeightedTable.zipf(tokens(`María, Guadalupe, Juana, Margarita, Verónica, Leticia, Rosa, Patricia, Elizabeth,
  Alejandra, Gabriela, Ana, Adriana, Claudia, Silvia, Teresa, Martha, Laura, Sandra, Lucía, Isabel, Carmen, Yolanda,
  Araceli, Norma, Sofía, Fernanda, Daniela, Valeria, Ximena, Karla, Mónica, Alicia, Esperanza, Dolores, Rocío,
  Beatriz, Blanca, Cristina, Diana, Paola, Brenda, Jessica, Yesenia, Marisol, Lorena, Maribel, Concepción, Rosario,
  Mercedes, Cecilia, Gloria, Irma, Elena, Josefina, Raquel, Sara, Esmeralda, Consuelo, Graciela, Socorro, Refugio,
  Angélica, Julia, Susana, Estela, Victoria, Camila, Natalia, Andrea, Carolina, Lourdes, Magdalena, Ofelia`, NICKNAMES));
const secondMale = WeightedTable.zipf(tokens('Luis, Manuel, Antonio, Carlos, Alberto, Ángel, Guadalupe, Alfredo, Francisco, Javier, Eduardo, Miguel, Armando, Enrique, David', NICKNAMES));
const secondFemale = WeightedTable.zipf(tokens('Guadalupe, José, Fernanda, Elena, Isabel, Luisa, Teresa, Cristina, Alejandra, Carmen, Gabriela, Dolores, Esther, Concepción, Antonia', NICKNAMES));

/** Central American and Andean given names that Mexican tables underweight. */
const regionalGiven: Readonly<Partial<Record<string, { male: WeightedTable<NameToken>; female: WeightedTable<NameToken> }>>> = {
  ca: {
    male: WeightedTable.zipf(tokens('Wilmer, Elmer, Kevin, Brayan, Yeison, Selvin, Erwin, Wilson, Jefferson, Walter, Edwin, Darwin, Denis, Henry, Marvin, Byron, Milton, Franklin, Jonathan')),
    female: WeightedTable.zipf(tokens('Heidy, Wendy, Yaneth, Dayana, Kimberly, Yessica, Glenda, Karen, Lesly, Ingrid, Evelyn, Cindy, Marleny, Dilcia, Reina, Xiomara, Sulma, Iris')),
  },
  sa: {
    male: WeightedTable.zipf(tokens('Jhon, Yeison, Jhonatan, Édison, Wilson, Yorman, Andersson, Jeferson, Duván, Freddy, Yonathan, Wilmer, Edwar, Richard, Jairo, Hernán, Alexis, Gonzalo')),
    female: WeightedTable.zipf(tokens('Leidy, Yuliana, Nathaly, Andreína, Génesis, Oriana, Yusmary, Mariángel, Luz Marina, Yesica, Yulieth, Dayana, Katherine, Milagros, Yolima, Marisela, Deisy, Geraldine')),
  },
};

const core = tokens(`Hernández, García, Martínez, López, González, Rodríguez, Pérez, Sánchez, Ramírez, Cruz, Flores, Gómez,
  Morales, Vázquez, Reyes, Jiménez, Torres, Díaz, Gutiérrez, Ruiz, Mendoza, Aguilar, Ortiz, Moreno, Castillo, Romero,
  Álvarez, Méndez, Chávez, Rivera, Juárez, Ramos, Domínguez, Herrera, Medina, Castro, Vargas, Guzmán, Velázquez, Muñoz,
  Rojas, Contreras, Salazar, Luna, Ortega, Santiago, Guerrero, Estrada, Bautista, Cortés, Soto, Alvarado, Espinoza,
  Lara, Ávila, Ríos, Cervantes, Silva, Delgado, Vega, Márquez, Sandoval, Fernández, León, Carrillo, Mejía, Solís,
  Núñez, Rosas, Valdez, Ibarra, Campos, Navarro, Maldonado, Rosales, Acosta, Peña, Trejo, Zamora, Cabrera, Robles,
  Pacheco, Escobar, Fuentes, Villanueva, Montes, Molina, Calderón, Miranda, Cisneros, Figueroa, Galindo, Cuevas,
  Valencia, Orozco, Zúñiga, Ochoa, Nava, Serrano, Padilla, Quintero, Osorio, Barrera, Arellano, Salinas, Tapia,
  Hidalgo, Beltrán, Villegas, Cárdenas, Arias, Ayala, Lozano, Velasco, Ponce, de la Cruz, de León, del Ángel,
  Zavala, Becerra, Olvera, Rangel, Santos, Benítez, Montoya, Valenzuela, Corona, Gallegos, Carrasco, Pineda, Duarte`);

/** Surnames typical of one country, drawn a third of the time, so origins differ in their name mix. */
const regionalSurnames: Readonly<Partial<Record<string, WeightedTable<NameToken>>>> = {
  gt: WeightedTable.zipf(tokens('Xol, Choc, Caal, Tzul, Cux, Pop, Ixcoy, Coc, Chub, Tiul, Ajú, Tzoc, Sicán, Xitumul, Cuxil, Pérez, López, García, Morales, Ramírez, Chávez')),
  hn: WeightedTable.zipf(tokens('Zelaya, Euceda, Maradiaga, Banegas, Bonilla, Funes, Amaya, Membreño, Ordóñez, Lagos, Velásquez, Murillo, Cálix, Mejía, Reyes, Cruz')),
  sv: WeightedTable.zipf(tokens('Rivas, Alfaro, Portillo, Argueta, Guevara, Menjívar, Orellana, Quintanilla, Henríquez, Alvarenga, Campos, Granados, Villatoro, Ventura, Melgar, Bonilla')),
  ve: WeightedTable.zipf(tokens('Rangel, Briceño, Carrasquel, Villalobos, Urdaneta, Colmenares, Peraza, Marcano, Rondón, Mendoza, Parra, Márquez, Salas, Sequera, Guédez')),
  co: WeightedTable.zipf(tokens('Restrepo, Ospina, Cardona, Zapata, Castaño, Giraldo, Arango, Henao, Valencia, Quintero, Londoño, Mosquera, Betancur, Montoya, Agudelo, Velásquez')),
  ec: WeightedTable.zipf(tokens('Guamán, Quishpe, Chiluisa, Pilataxi, Yépez, Zambrano, Cedeño, Intriago, Vera, Macías, Andrade, Tenesaca, Sarmiento, Loja, Quizhpi')),
  pe: WeightedTable.zipf(tokens('Quispe, Mamani, Huamán, Condori, Ccama, Chambi, Huanca, Apaza, Ticona, Vásquez, Chávez, Ramos, Flores, Salazar, Cáceres')),
  mx: WeightedTable.zipf(core.slice(0, 40)),
};

const surnames = WeightedTable.zipf(core, 2);

function surname(random: Random, region: string): NameToken {
  const local = regionalSurnames[region];
  return local !== undefined && random.chance(0.35) ? local.sample(random) : surnames.sample(random);
}

function givenParts(random: Random, sex: Sex, region: string): NamePart[] {
  const local = regionalGiven[region === 'gt' || region === 'hn' || region === 'sv' ? 'ca' : region === 'mx' ? '' : 'sa'];
  const first = local !== undefined && random.chance(0.3)
    ? (sex === 'M' ? local.male : local.female).sample(random)
    : (sex === 'M' ? male : female).sample(random);
  // Compound given names (José Luis, María Guadalupe) are common; María almost always has a second name.
  const compound = first.forms[0] === 'María' ? random.chance(0.7) : random.chance(0.28);
  if (!compound) return [part(first)];
  let second = (sex === 'M' ? secondMale : secondFemale).sample(random);
  if (second === first) second = (sex === 'M' ? male : female).sample(random);
  return second === first ? [part(first)] : [part(first), part(second)];
}

/**
 * Spanish naming: one or two given names, then the father's first surname and the mother's
 * first surname. A wife keeps her own surnames.
 */
export const hispanic: NameCulture = {
  id: 'hispanic',
  name(random: Random, sex: Sex, family: NamingFamily, region: string): PersonName {
    const paternal = family.father?.surname[0] ?? part(surname(random, region));
    const maternal = family.mother?.surname[0] ?? part(surname(random, region));
    const surnameParts = paternal.token === maternal.token ? [paternal] : [paternal, maternal];
    return { given: givenParts(random, sex, region), middle: [], surname: surnameParts };
  },
  married: keepsName,
};

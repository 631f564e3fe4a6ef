import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import type { NamePart, PersonName } from './name-token.js';
import { part, tokens } from './name-token.js';
import { NICKNAMES } from './nicknames.js';

const male = WeightedTable.zipf(tokens(`João, José, Antônio, Francisco, Carlos, Paulo, Pedro, Lucas, Luiz, Marcos, Luís, Gabriel,
  Rafael, Daniel, Marcelo, Bruno, Eduardo, Felipe, Raimundo, Rodrigo, Matheus, Gustavo, Thiago, Leonardo, Vinícius,
  Guilherme, Fábio, Diego, André, Sérgio, Fernando, Ricardo, Júlio, Sebastião, Wellington, Anderson, Everton, Cleiton,
  Renato, Igor, Caio, Otávio, Henrique, Samuel, Davi, Arthur, Heitor, Miguel`, NICKNAMES));
const female = WeightedTable.zipf(tokens(`Maria, Ana, Francisca, Antônia, Adriana, Juliana, Márcia, Fernanda, Patrícia, Aline,
  Sandra, Camila, Amanda, Bruna, Jéssica, Letícia, Júlia, Luciana, Vanessa, Mariana, Gabriela, Vera, Vitória, Larissa,
  Cláudia, Beatriz, Rita, Luana, Sônia, Renata, Eliane, Josefa, Simone, Raimunda, Tatiane, Débora, Thaís, Lúcia,
  Helena, Alice, Laura, Manuela, Valentina, Isabela, Rafaela`, NICKNAMES));
const surnames = WeightedTable.zipf(tokens(`Silva, Santos, Oliveira, Souza|Sousa, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes,
  Costa, Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, Barbosa, Rocha, Dias, Nascimento, Andrade,
  Moreira, Nunes, Marques, Machado, Mendes, Freitas, Cardoso, Ramos, Gonçalves, Santana, Teixeira, Araújo, Moura,
  Cavalcanti, Monteiro, Correia, Batista, Campos, Pinto, Castro, Medeiros, Farias, Azevedo, Borges, Reis, Xavier,
  da Silva, dos Santos, de Oliveira, de Souza, da Costa, de Jesus, do Nascimento`), 1);

function last(name: PersonName | undefined): NamePart | undefined {
  return name?.surname[name.surname.length - 1];
}

/**
 * Brazilian naming: the mother's surname, then the father's; the last surname is the one
 * records treat as the family name. A wife often adds her husband's last surname.
 */
export const portuguese: NameCulture = {
  id: 'portuguese',
  name(random: Random, sex: Sex, family: NamingFamily): PersonName {
    const fromMother = last(family.mother) ?? part(surnames.sample(random));
    const fromFather = last(family.father) ?? part(surnames.sample(random));
    const table = sex === 'M' ? male : female;
    const given = [part(table.sample(random))];
    if (random.chance(0.3)) {
      const second = table.sample(random);
      if (second !== given[0]?.token) given.push(part(second));
    }
    const surname = fromMother.token === fromFather.token || random.chance(0.2) ? [fromFather] : [fromMother, fromFather];
    return { given, middle: [], surname };
  },
  married(random: Random, wife: PersonName, husband: PersonName): PersonName {
    const husbands = last(husband);
    if (husbands === undefined || !random.chance(0.6)) return wife;
    const own = wife.surname.at(0);
    return { given: wife.given, middle: wife.middle, surname: own === undefined || own.token === husbands.token ? [husbands] : [own, husbands] };
  },
};

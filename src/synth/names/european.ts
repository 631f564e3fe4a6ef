import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { Sex } from './culture.js';
import type { NameToken } from './name-token.js';
import type { NameTables } from './patrilineal.js';
import { patrilineal } from './patrilineal.js';
import { tokens } from './name-token.js';
import { NICKNAMES } from './nicknames.js';

function tables(male: string, female: string, surnames: string): NameTables {
  return {
    male: WeightedTable.zipf(tokens(male, NICKNAMES)),
    female: WeightedTable.zipf(tokens(female, NICKNAMES)),
    surnames: WeightedTable.zipf(tokens(surnames), 3),
  };
}

const english = tables(
  `Michael, David, John, James, Robert, William, Christopher, Daniel, Matthew, Andrew, Thomas, Richard, Joseph, Mark,
  Paul, Steven, Kevin, Brian, Jason, Ryan, Benjamin, Samuel, Jonathan, Nicholas, Alexander, Patrick, Timothy, Peter,
  Edward, Charles, Gregory, Kenneth, Scott, Adam, Jacob, Ethan, Liam, Noah, Oliver, Harry, George, Jack, Connor, Owen`,
  `Sarah, Jennifer, Jessica, Emily, Elizabeth, Ashley, Amanda, Stephanie, Melissa, Nicole, Rebecca, Katherine, Laura,
  Michelle, Rachel, Emma, Olivia, Hannah, Samantha, Lauren, Megan, Amy, Heather, Victoria, Margaret, Catherine,
  Susan, Patricia, Deborah, Christine, Alexandra, Charlotte, Sophie, Chloe, Abigail, Grace, Lucy, Jacqueline, Julie`,
  `Smith, Brown, Wilson, Taylor, Johnson, Williams, Jones, Martin, Thompson, White, Anderson, Campbell, Stewart, Davies,
  Evans, Roberts, Walker, Wright, Robinson, Thomas, Clarke, Hughes, Edwards, Green, Hall, Wood, Harris, Lewis, Scott,
  Young, Turner, Cooper, Hill, Ward, Morris, Moore, Clark, Lee, King, Baker, Harrison, Morgan, Patel, Allen, MacDonald,
  McDonald, Murray, Reid, Ross, Fraser, O'Brien, O'Connor, Kelly, Ryan, Sullivan, Walsh, Murphy, Byrne, Gallagher`,
);

const french = tables(
  `Jean, Pierre, Michel, Philippe, Alain, Nicolas, François, Daniel, Jean-François, Jean-Pierre, Marc, Luc, Éric,
  Sébastien, Mathieu, Julien, Guillaume, Olivier, Stéphane, Alexandre, Antoine, Thomas, Hugo, Louis, Gabriel, Étienne`,
  `Marie, Nathalie, Isabelle, Sylvie, Catherine, Françoise, Valérie, Sophie, Julie, Stéphanie, Geneviève, Chantal,
  Émilie, Camille, Léa, Chloé, Manon, Anne-Marie, Marie-Ève, Mélanie, Caroline, Josée, Hélène, Céline, Élodie`,
  `Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, Ouellet, Pelletier, Bélanger, Lévesque,
  Bergeron, Leblanc, Paquette, Girard, Simard, Boucher, Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand,
  Leroy, Moreau, Lefebvre, Laurent, Michel, Garcia, David, Bertrand, Rousseau, Fontaine, Chevalier, Mercier, Lambert`,
);

const german = tables(
  `Thomas, Michael, Andreas, Stefan, Peter, Christian, Klaus, Wolfgang, Jürgen, Frank, Markus, Matthias, Alexander,
  Sebastian, Tobias, Jan, Lukas, Maximilian, Felix, Jonas, Leon, Paul, Johannes, Florian, Uwe, Dieter, Günter`,
  `Sabine, Petra, Claudia, Susanne, Andrea, Monika, Stefanie, Julia, Katrin, Anna, Lena, Laura, Sarah, Lisa, Ursula,
  Birgit, Karin, Gabriele, Nicole, Christina, Marie, Hannah, Sophie, Jana, Franziska, Jutta`,
  `Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter,
  Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner,
  Krause, Meier, Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann, König, Walter, Mayer, Huber, Kaiser, Fuchs`,
);

const polish = tables(
  `Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Jan, Michał, Marcin, Jakub, Adam, Łukasz, Marek, Grzegorz, Wojciech,
  Mateusz, Stanisław, Kamil, Dariusz, Mariusz, Józef, Rafał, Bartosz, Szymon, Zbigniew`,
  `Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna, Magdalena, Elżbieta, Joanna, Aleksandra,
  Monika, Zofia, Teresa, Danuta, Natalia, Julia, Karolina, Marta, Beata, Dorota, Halina, Jadwiga`,
  `Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski,
  Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski,
  Nowicki, Adamczyk, Dudek, Zając, Wieczorek, Jabłoński, Król, Majewski, Olszewski`,
);

const italian = tables(
  `Giuseppe, Giovanni, Antonio, Mario, Francesco, Luigi, Angelo, Vincenzo, Pietro, Salvatore, Carlo, Franco, Domenico,
  Bruno, Paolo, Michele, Giorgio, Marco, Alessandro, Andrea, Luca, Matteo, Lorenzo, Davide, Stefano, Roberto`,
  `Maria, Anna, Giuseppina, Rosa, Angela, Giovanna, Teresa, Lucia, Carmela, Caterina, Francesca, Antonella, Giulia,
  Chiara, Sara, Martina, Alessandra, Elena, Valentina, Paola, Laura, Federica, Silvia, Simona`,
  `Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca,
  Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Santoro, Mariani, Rinaldi, Caruso, Ferrara,
  Galli, Martini, Leone, Longo, Gentile, Martinelli, Vitale, Lombardo, Serra, Coppola, De Santis, D'Angelo`,
);

const regions: Readonly<Record<string, NameTables>> = { en: english, fr: french, de: german, pl: polish, it: italian };

/** English, French, German, Polish and Italian naming (Canada draws English or French by region). */
export const european = patrilineal('european', (region) => regions[region] ?? english, { middleChance: 0.45, wifeTakesSurname: 0.7 });

/** An adopted English given name (Chinese and Vietnamese immigrants often use one beside their own). */
export function englishGiven(random: Random, sex: Sex): NameToken {
  return (sex === 'M' ? english.male : english.female).sample(random);
}

import { WeightedTable } from '../weighted-table.js';
import { tokens } from './name-token.js';
import { patrilineal } from './patrilineal.js';

const tables = {
  male: WeightedTable.zipf(tokens(`Jean, Pierre, Joseph, Jean-Claude, Jean-Robert, Wilner, Fritznel, Wisler, Marc, Frantz,
    Ricardo, Emmanuel, Jacques, Louis, Rony, Wilson, Stanley, Jimmy, Kervens, Woodly, Peterson, Ronald, Evens, Dieuseul,
    Mackenson, Jeff, Schneider, Jean-Marc, Jean-Philippe, Lesly, Gary, Jonas, Réginald, Guerby, Wesner, Fednel`)),
  female: WeightedTable.zipf(tokens(`Marie, Rose, Nadège, Widline, Guerline, Marie-Claude, Fabienne, Mirlande, Roseline,
    Nathalie, Judith, Sandra, Bethanie, Darline, Esther, Marie-Ange, Lovely, Fedna, Ketly, Micheline, Claudette, Yolande,
    Jessica, Wilda, Sherline, Mireille, Marie-Carmelle, Rose-Marie, Myrlande, Islande, Naïka, Sabine`)),
  surnames: WeightedTable.zipf(tokens(`Jean, Pierre, Joseph, Louis, Charles, Jean-Baptiste, Jean-Louis, Jean-Pierre, Jean-Charles,
    François|Francois, Paul, Augustin, Étienne|Etienne, Michel, Désir|Desir, Dorvil, Alexandre, Noël|Noel, Baptiste, Saint-Fleur|St Fleur,
    Saint-Louis|St Louis, Toussaint, Fils-Aimé|Filsaime, Dorsainvil, Célestin|Celestin, Lamour, Dieujuste, Laguerre, Georges, Jacques,
    Philippe, Simon, Vincent, Guerrier, Exantus, Valcourt, Thermidor, Estimé|Estime, Desrosiers, Lubin, Fleurant, Mondésir|Mondesir,
    Hyppolite|Hippolyte, Jean-Gilles, Saint-Vil|St Vil, Dérisier|Derisier, Pierre-Louis, Bien-Aimé|Bienaime`), 3),
};

/** Haitian naming: French and Creole given names, compound names, and surnames that are also given names. */
export const haitian = patrilineal('haitian', () => tables, { middleChance: 0.3, wifeTakesSurname: 0.45 });

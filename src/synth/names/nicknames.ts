/**
 * Informal given names that records carry instead of the legal one: English hypocorisms,
 * Spanish apodos, Russian and Ukrainian diminutives, Nigerian short forms.
 */
export const NICKNAMES: Readonly<Partial<Record<string, readonly string[]>>> = {
  // English and other European
  Robert: ['Bob', 'Rob', 'Bobby'], William: ['Bill', 'Will', 'Billy'], Richard: ['Rick', 'Dick', 'Rich'],
  James: ['Jim', 'Jimmy'], John: ['Jack', 'Johnny'], Michael: ['Mike', 'Mikey'], Thomas: ['Tom', 'Tommy'],
  Joseph: ['Joe', 'Joey'], Charles: ['Charlie', 'Chuck'], Christopher: ['Chris'], Daniel: ['Dan', 'Danny'],
  Matthew: ['Matt'], Anthony: ['Tony'], Andrew: ['Andy', 'Drew'], Edward: ['Ed', 'Eddie', 'Ted'],
  Benjamin: ['Ben'], Nicholas: ['Nick'], Samuel: ['Sam'], Alexander: ['Alex', 'Sandy'], Jonathan: ['Jon'],
  Patrick: ['Pat', 'Paddy'], Timothy: ['Tim'], Stephen: ['Steve'], Steven: ['Steve'], David: ['Dave'],
  Peter: ['Pete'], Gregory: ['Greg'], Lawrence: ['Larry'], Raymond: ['Ray'], Kenneth: ['Ken', 'Kenny'],
  Elizabeth: ['Liz', 'Beth', 'Betty', 'Eliza'], Margaret: ['Maggie', 'Peggy', 'Meg'], Katherine: ['Kate', 'Kathy', 'Katie'],
  Catherine: ['Cathy', 'Kate'], Jennifer: ['Jen', 'Jenny'], Patricia: ['Pat', 'Patty', 'Trish'], Susan: ['Sue', 'Susie'],
  Rebecca: ['Becky'], Deborah: ['Debbie', 'Deb'], Victoria: ['Vicky', 'Tori'], Christine: ['Chris', 'Tina'],
  Jessica: ['Jess'], Samantha: ['Sam'], Alexandra: ['Alex', 'Sasha'], Dorothy: ['Dot', 'Dottie'], Barbara: ['Barb'],
  Emily: ['Em'], Abigail: ['Abby'], Nicole: ['Nikki'], Jacqueline: ['Jackie'], Stephanie: ['Steph'],
  Wojciech: ['Wojtek'], Małgorzata: ['Gosia'], Katarzyna: ['Kasia'], Aleksandra: ['Ola'], Giuseppe: ['Beppe', 'Peppe'],
  Francesco: ['Franco', 'Cecco'], Giovanni: ['Gianni', 'Nanni'], Wolfgang: ['Wolf'], Johannes: ['Hannes', 'Jens'],
  // Spanish and Portuguese
  José: ['Pepe', 'Chepe'], Francisco: ['Paco', 'Pancho', 'Kiko'], Guadalupe: ['Lupe', 'Lupita'], Jesús: ['Chuy', 'Chucho'],
  Ignacio: ['Nacho'], Roberto: ['Beto'], Alberto: ['Beto'], Eduardo: ['Lalo'], Enrique: ['Quique'], Guillermo: ['Memo'],
  Alejandro: ['Alex', 'Jando'], Concepción: ['Concha', 'Conchita'], Dolores: ['Lola'], Rosario: ['Chayo'],
  Manuel: ['Manolo', 'Lolo'], Antonio: ['Toño', 'Tony'], Jorge: ['Coque'], Luis: ['Lucho', 'Güicho'], Santiago: ['Santi'],
  Rafael: ['Rafa'], Fernando: ['Nando'], Gerardo: ['Lalo'], Rodrigo: ['Rodri'], Cristina: ['Cris', 'Tina'],
  Mercedes: ['Meche'], Socorro: ['Coco'], Graciela: ['Chela'], Ramón: ['Moncho'], Consuelo: ['Chelo'], Isabel: ['Chabela', 'Isa'],
  Josefina: ['Fina', 'Chepina'], Refugio: ['Cuca'], Gabriel: ['Gabo'], Alfredo: ['Fredy'], Ernesto: ['Neto'],
  Humberto: ['Beto'], Ricardo: ['Richi'], Salvador: ['Chava'], Juan: ['Juancho'], Teresa: ['Tere'], Margarita: ['Mago'],
  João: ['Joãozinho'], Luiz: ['Lula'], Sebastião: ['Tião'], Raimundo: ['Mundinho'],
  // Russian and Ukrainian, in the popular romanization
  Aleksandr: ['Sasha', 'Shura'], Dmitriy: ['Dima'], Mikhail: ['Misha'], Vladimir: ['Volodya', 'Vova'], Ivan: ['Vanya'],
  Nikolay: ['Kolya'], Sergey: ['Seryozha'], Aleksey: ['Alyosha', 'Lyosha'], Yevgeniy: ['Zhenya'], Konstantin: ['Kostya'],
  Pavel: ['Pasha'], Yekaterina: ['Katya'], Yelena: ['Lena'], Anastasiya: ['Nastya'], Tatyana: ['Tanya'],
  Svetlana: ['Sveta'], Natalya: ['Natasha'], Mariya: ['Masha'], Olga: ['Olya'], Irina: ['Ira'], Yuliya: ['Yulya'],
  Oleksandr: ['Sashko', 'Sasha'], Volodymyr: ['Volodya'], Mykola: ['Kolya'], Oleksiy: ['Olesha'], Olena: ['Lena'],
  Kateryna: ['Katya'], Nataliya: ['Natasha'],
  // Nigerian short forms
  Oluwaseun: ['Seun'], Oluwatobi: ['Tobi'], Oluwafemi: ['Femi'], Chukwuemeka: ['Emeka'], Chibuike: ['Chibu'],
  Olumide: ['Mide'], Oluwadamilare: ['Dami'], Abdulrahman: ['Rahman'], Ifeoluwa: ['Ife'], Chinonso: ['Nonso'],
  Babatunde: ['Tunde'], Olufunmilayo: ['Funmi'], Oluwakemi: ['Kemi'], Adebayo: ['Bayo'], Chiamaka: ['Amaka'],
};

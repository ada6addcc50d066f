/**
 * The world's countries as news names them: one line per country,
 * `Name | other names | capitals` (fields separated by `|`, lists by `;`).
 * Data, not rules: general knowledge that decides whether "Beijing" may
 * stand for China and that "U.S." and "United States" are one country.
 * Seats of government count as capitals (The Hague, Pretoria and Tshwane).
 */
export const COUNTRY_LINES = `
Afghanistan||Kabul
Albania||Tirana
Algeria||Algiers
Andorra||Andorra la Vella
Angola||Luanda
Antigua and Barbuda||Saint John's
Argentina||Buenos Aires
Armenia||Yerevan
Australia||Canberra
Austria||Vienna
Azerbaijan||Baku
Bahamas|The Bahamas|Nassau
Bahrain||Manama
Bangladesh||Dhaka
Barbados||Bridgetown
Belarus||Minsk
Belgium||Brussels
Belize||Belmopan
Benin||Porto-Novo
Bhutan||Thimphu
Bolivia||Sucre;La Paz
Bosnia and Herzegovina|Bosnia|Sarajevo
Botswana||Gaborone
Brazil||Brasilia;Brasília
Brunei||Bandar Seri Begawan
Bulgaria||Sofia
Burkina Faso||Ouagadougou
Burundi||Gitega
Cambodia||Phnom Penh
Cameroon||Yaounde;Yaoundé
Canada||Ottawa
Cape Verde|Cabo Verde|Praia
Central African Republic||Bangui
Chad||N'Djamena
Chile||Santiago
China|People's Republic of China;PRC|Beijing
Colombia||Bogota;Bogotá
Comoros||Moroni
Democratic Republic of the Congo|DR Congo;DRC|Kinshasa
Republic of the Congo|Congo-Brazzaville|Brazzaville
Costa Rica||San Jose;San José
Croatia||Zagreb
Cuba||Havana
Cyprus||Nicosia
Czech Republic|Czechia|Prague
Denmark||Copenhagen
Djibouti||Djibouti
Dominica||Roseau
Dominican Republic||Santo Domingo
East Timor|Timor-Leste|Dili
Ecuador||Quito
Egypt||Cairo
El Salvador||San Salvador
Equatorial Guinea||Malabo
Eritrea||Asmara
Estonia||Tallinn
Eswatini|Swaziland|Mbabane
Ethiopia||Addis Ababa
Fiji||Suva
Finland||Helsinki
France||Paris
Gabon||Libreville
Gambia|The Gambia|Banjul
Georgia||Tbilisi
Germany||Berlin
Ghana||Accra
Greece||Athens
Grenada||St. George's
Guatemala||Guatemala City
Guinea||Conakry
Guinea-Bissau||Bissau
Guyana||Georgetown
Haiti||Port-au-Prince
Honduras||Tegucigalpa
Hungary||Budapest
Iceland||Reykjavik;Reykjavík
India||New Delhi
Indonesia||Jakarta
Iran||Tehran
Iraq||Baghdad
Ireland||Dublin
Israel||Jerusalem
Italy||Rome
Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Yamoussoukro
Jamaica||Kingston
Japan||Tokyo
Jordan||Amman
Kazakhstan||Astana
Kenya||Nairobi
Kiribati||Tarawa
Kosovo||Pristina
Kuwait||Kuwait City
Kyrgyzstan||Bishkek
Laos||Vientiane
Latvia||Riga
Lebanon||Beirut
Lesotho||Maseru
Liberia||Monrovia
Libya||Tripoli
Liechtenstein||Vaduz
Lithuania||Vilnius
Luxembourg||Luxembourg
Madagascar||Antananarivo
Malawi||Lilongwe
Malaysia||Kuala Lumpur
Maldives||Male
Mali||Bamako
Malta||Valletta
Marshall Islands||Majuro
Mauritania||Nouakchott
Mauritius||Port Louis
Mexico||Mexico City
Micronesia||Palikir
Moldova||Chisinau;Chișinău
Monaco||Monaco
Mongolia||Ulaanbaatar;Ulan Bator
Montenegro||Podgorica
Morocco||Rabat
Mozambique||Maputo
Myanmar|Burma|Naypyidaw;Naypyitaw
Namibia||Windhoek
Nauru||Yaren
Nepal||Kathmandu
Netherlands|The Netherlands;Holland|Amsterdam;The Hague
New Zealand||Wellington
Nicaragua||Managua
Niger||Niamey
Nigeria||Abuja
North Korea|Democratic People's Republic of Korea;DPRK|Pyongyang
North Macedonia|Macedonia|Skopje
Norway||Oslo
Oman||Muscat
Pakistan||Islamabad
Palau||Ngerulmud
Palestine|State of Palestine|Ramallah
Panama||Panama City
Papua New Guinea||Port Moresby
Paraguay||Asuncion;Asunción
Peru||Lima
Philippines|The Philippines|Manila
Poland||Warsaw
Portugal||Lisbon
Qatar||Doha
Romania||Bucharest
Russia|Russian Federation|Moscow
Rwanda||Kigali
Saint Kitts and Nevis||Basseterre
Saint Lucia||Castries
Saint Vincent and the Grenadines||Kingstown
Samoa||Apia
San Marino||San Marino
Sao Tome and Principe|São Tomé and Príncipe|Sao Tome;São Tomé
Saudi Arabia||Riyadh
Senegal||Dakar
Serbia||Belgrade
Seychelles||Victoria
Sierra Leone||Freetown
Singapore||Singapore
Slovakia||Bratislava
Slovenia||Ljubljana
Solomon Islands||Honiara
Somalia||Mogadishu
South Africa||Pretoria;Tshwane
South Korea|Republic of Korea|Seoul
South Sudan||Juba
Spain||Madrid
Sri Lanka||Sri Jayawardenepura Kotte;Colombo
Sudan||Khartoum
Suriname||Paramaribo
Sweden||Stockholm
Switzerland||Bern
Syria||Damascus
Taiwan||Taipei
Tajikistan||Dushanbe
Tanzania||Dodoma
Thailand||Bangkok
Togo||Lome;Lomé
Tonga||Nuku'alofa
Trinidad and Tobago||Port of Spain
Tunisia||Tunis
Turkey|Turkiye;Türkiye|Ankara
Turkmenistan||Ashgabat
Tuvalu||Funafuti
Uganda||Kampala
Ukraine||Kyiv;Kiev
United Arab Emirates|UAE|Abu Dhabi
United Kingdom|UK;U.K.;Britain;Great Britain|London
United States|U.S.;US;USA;U.S.A.;United States of America;America|Washington;Washington, D.C.
Uruguay||Montevideo
Uzbekistan||Tashkent
Vanuatu||Port Vila
Vatican City|Holy See;Vatican|Vatican City
Venezuela||Caracas
Vietnam|Viet Nam|Hanoi
Yemen||Sanaa;Sana'a
Zambia||Lusaka
Zimbabwe||Harare
`;

// A category of 150 services (one per country), as real panels list for popular services; off by default.
import { seededRandom } from './context';
import type { NumberCategory, NumberService } from './catalog';

/** The big category: on only with `bigCategory` (option, control `big-category`, CLI `--big-category`). */
export const BIG_CATEGORY: NumberCategory = { id: 9, name: 'Telegram Global' };

/** The first big-category service id (ids run 201..350). */
export const BIG_FIRST_ID = 201;

// Turkish country names with their dial codes, as panels name them in service names.
const COUNTRY_DIALS =
  'Afganistan:93 Arnavutluk:355 Cezayir:213 Andorra:376 Angola:244 Arjantin:54 Ermenistan:374 ' +
  'Avustralya:61 Avusturya:43 Azerbaycan:994 Bahreyn:973 Bangladeş:880 Belarus:375 Belçika:32 Belize:501 ' +
  'Benin:229 Butan:975 Bolivya:591 Bosna-Hersek:387 Botsvana:267 Brezilya:55 Brunei:673 Bulgaristan:359 ' +
  'Burkina_Faso:226 Burundi:257 Kamboçya:855 Kamerun:237 Kanada:1 Yeşil_Burun:238 Çad:235 Şili:56 Çin:86 ' +
  'Kolombiya:57 Komorlar:269 Kongo:242 Kosta_Rika:506 Hırvatistan:385 Küba:53 Kıbrıs:357 Çekya:420 ' +
  'Danimarka:45 Cibuti:253 Dominik_Cumhuriyeti:1 Ekvador:593 Mısır:20 El_Salvador:503 Estonya:372 ' +
  'Etiyopya:251 Fiji:679 Finlandiya:358 Fransa:33 Gabon:241 Gambiya:220 Gürcistan:995 Almanya:49 Gana:233 ' +
  'Yunanistan:30 Guatemala:502 Gine:224 Guyana:592 Haiti:509 Honduras:504 Hong_Kong:852 Macaristan:36 ' +
  'İzlanda:354 Hindistan:91 Endonezya:62 İran:98 Irak:964 İrlanda:353 İsrail:972 İtalya:39 ' +
  'Fildişi_Sahili:225 Jamaika:1 Japonya:81 Ürdün:962 Kazakistan:7 Kenya:254 Kuveyt:965 Kırgızistan:996 ' +
  'Laos:856 Letonya:371 Lübnan:961 Lesotho:266 Liberya:231 Libya:218 Litvanya:370 Lüksemburg:352 ' +
  'Makao:853 Madagaskar:261 Malavi:265 Malezya:60 Maldivler:960 Mali:223 Malta:356 Moritanya:222 ' +
  'Mauritius:230 Meksika:52 Moldova:373 Moğolistan:976 Karadağ:382 Fas:212 Mozambik:258 Myanmar:95 ' +
  'Namibya:264 Nepal:977 Hollanda:31 Yeni_Zelanda:64 Nikaragua:505 Nijer:227 Nijerya:234 ' +
  'Kuzey_Makedonya:389 Norveç:47 Umman:968 Pakistan:92 Panama:507 Paraguay:595 Peru:51 Filipinler:63 ' +
  'Polonya:48 Portekiz:351 Katar:974 Romanya:40 Rusya:7 Ruanda:250 Suudi_Arabistan:966 Senegal:221 ' +
  'Sırbistan:381 Sierra_Leone:232 Singapur:65 Slovakya:421 Slovenya:386 Somali:252 Güney_Afrika:27 ' +
  'Güney_Kore:82 İspanya:34 Sri_Lanka:94 Sudan:249 Surinam:597 İsveç:46 İsviçre:41 Suriye:963 ' +
  'Tayvan:886 Tacikistan:992 Tanzanya:255 Tayland:66 Togo:228 Tunus:216 Türkiye:90 Türkmenistan:993 ' +
  'Uganda:256 Ukrayna:380 Birleşik_Arap_Emirlikleri:971 İngiltere:44 Amerika:1 Uruguay:598';

/** The 150 countries of the big category: name and dial code. */
export const BIG_COUNTRIES: readonly { name: string; dial: string }[] = COUNTRY_DIALS.split(' ')
  .slice(0, 150)
  .map((pair) => {
    const [name, dial] = pair.split(':');
    return { name: name.replaceAll('_', ' '), dial };
  });

/** The big category's services; prices and stock from their own seeded generator, so they repeat. */
export const BIG_SERVICES: readonly NumberService[] = (() => {
  const random = seededRandom(0xb16);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return BIG_COUNTRIES.map((country, i) => ({
    id: BIG_FIRST_ID + i,
    name: `${BIG_CATEGORY.name} ${country.name}`,
    category: BIG_CATEGORY.id,
    country: country.name,
    price: String(int(15, 1500) / 100),
    // About one in ten is out of stock.
    stock: int(0, 9) === 0 ? 0 : int(1, 500),
  }));
})();

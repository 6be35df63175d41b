package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import mesoscreen.rules.Question;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.vocabulary.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage of the vocabulary, so that the next gap cannot hide: every ICD-10 range a condition class
 * claims resolves to it, category by category; every medicine, brand and condition a question names,
 * in every language, is read; every contraindication a list can state reads the lists.
 */
class VocabularyCoverageTest {
    private static final RuleSet RULES = Intakes.RULES;
    private static final Lexicon CONDITIONS = RULES.vocabulary().conditions();
    /** The intake lists a patient or an EHR can state a contraindication in. */
    private static final Set<String> LISTS = Set.of("conditions", "medications", "allergies", "recentProcedures");

    // ---- 1. every condition class declares what it covers of ICD-10, and covers it -----------------

    @Test
    void everyConditionClassDeclaresTheIcd10RangesItCovers() {
        for (JsonNode entry : yaml("vocabulary/conditions.yaml").get("conditions")) {
            assertTrue(entry.path("covers").isArray(), entry.get("id").asText() + " declares no 'covers:' list");
        }
    }

    static Stream<Arguments> coveredRanges() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode entry : yaml("vocabulary/conditions.yaml").get("conditions")) {
            entry.path("covers").forEach(range -> out.add(Arguments.of(entry.get("id").asText(), range.asText())));
        }
        return out.stream();
    }

    /**
     * Walks every 3-character category of the range (CM letter categories such as C4A or O9A too),
     * each as a WHO code and with ICD-10-CM-style subcodes, and proves each resolves to the class.
     */
    @ParameterizedTest(name = "{0} covers {1}")
    @MethodSource("coveredRanges")
    void everyCategoryOfACoveredRangeResolvesToItsClass(String id, String range) {
        List<String> codes = new ArrayList<>();
        if (range.contains(".")) {
            codes.addAll(List.of(range, range + "0", range + "9", range + "1XA"));
        } else {
            for (String category : categories(range)) {
                codes.addAll(List.of(category, category + ".0", category + ".9", category + ".91", category + ".A1"));
            }
        }
        List<String> missed = codes.stream().filter(code -> !CONDITIONS.byCode("icd-10", code).contains(id)).toList();
        assertEquals(List.of(), missed, id + " claims " + range + " but these codes do not resolve to it");
    }

    /** "I00-I99" as I00, I01, ..., I0A, ..., I99; "Z33" as itself. */
    static List<String> categories(String range) {
        String from = range.substring(0, 3);
        String to = range.contains("-") ? range.substring(4) : from;
        assertEquals(from.charAt(0), to.charAt(0), "a range within one letter: " + range);
        List<String> out = new ArrayList<>();
        String third = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (char tens = '0'; tens <= '9'; tens++) {
            for (char unit : third.toCharArray()) {
                String category = "" + from.charAt(0) + tens + unit;
                if (category.compareTo(from) >= 0 && category.compareTo(to) <= 0) {
                    out.add(category);
                }
            }
        }
        assertFalse(out.isEmpty(), "an empty range: " + range);
        return out;
    }

    @Test
    void theWalkReachesTheCodesOfTheIssue() {
        assertTrue(categories("I00-I99").containsAll(List.of("I10", "I15", "I20", "I25", "I48", "I50")));
        assertTrue(categories("O00-O99").containsAll(List.of("O00", "O26", "O99")));
        assertTrue(CONDITIONS.byCode("icd-10", "D69.3").contains("bleeding-disorder"));
        assertTrue(CONDITIONS.byCode("icd-10", "I50.9").contains("chronic-cardiovascular-disease"));
    }

    // ---- 2. every medicine, brand and condition a question names is read ---------------------------

    /** Questions that name nothing a list could hold: a date, a procedure type, a life stage. */
    private static final Set<String> NAME_NOTHING = Set.of("menstruating", "recentAestheticProcedure");

    /**
     * What each question's label or help names, per language, and the list that holds such a thing.
     * The table is checked against the texts (each name must appear in them, allowing for grammatical
     * endings) and against the questions (each must be here or in {@link #NAME_NOTHING}).
     */
    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(delimiter = '|', textBlock = """
        pregnant              | en | conditions  | pregnancy
        pregnant              | ru | conditions  | беременность
        pregnant              | tr | conditions  | gebelik
        breastfeeding         | en | conditions  | breastfeeding
        breastfeeding         | ru | conditions  | грудное вскармливание
        breastfeeding         | tr | conditions  | emzirme
        acuteInfection        | en | conditions  | infection; fever; cold; flu; raised temperature; cold sores
        acuteInfection        | ru | conditions  | инфекция; температура; простуда; грипп; герпес
        acuteInfection        | tr | conditions  | enfeksiyon; ateş; soğuk algınlığı; grip; uçuk
        keloidTendency        | en | conditions  | keloid
        keloidTendency        | ru | conditions  | келоид
        keloidTendency        | tr | conditions  | keloid
        componentIntolerance  | en | allergies   | hyaluronic acid; vitamins; DMAE; polynucleotides; local anaesthetic; lidocaine; fish
        componentIntolerance  | ru | allergies   | гиалуроновая кислота; витамины; ДМАЭ; полинуклеотиды; местный анестетик; лидокаин; рыба
        componentIntolerance  | tr | allergies   | hiyalüronik asit; vitaminler; DMAE; polinükleotidler; lokal anestezik; lidokain; balık
        allergicDisease       | en | conditions  | allergic disease; asthma; hay fever; atopic eczema; hives; anaphylaxis; angioedema
        allergicDisease       | ru | conditions  | аллергическое заболевание; бронхиальная астма; поллиноз; атопический дерматит; крапивница; анафилаксия; отёк Квинке
        allergicDisease       | tr | conditions  | alerjik hastalık; astım; saman nezlesi; atopik egzama; kurdeşen; anafilaksi; anjiyoödem
        bleedingDisorder      | en | conditions  | bleeding disorder; haemophilia; von Willebrand disease; low platelet count; thrombocytopenia
        bleedingDisorder      | ru | conditions  | нарушение свёртываемости крови; гемофилия; болезнь Виллебранда; тромбоцитопения
        bleedingDisorder      | tr | conditions  | kanama bozukluğu; hemofili; von Willebrand hastalığı; düşük trombosit; trombositopeni
        anticoagulants        | en | medications | warfarin; rivaroxaban; Xarelto; apixaban; Eliquis; dabigatran; Pradaxa; heparin; enoxaparin; Clexane; aspirin; clopidogrel
        anticoagulants        | ru | medications | варфарин; ривароксабан; Ксарелто; апиксабан; Эликвис; дабигатран; Прадакса; гепарин; эноксапарин; Клексан; аспирин; клопидогрел
        anticoagulants        | tr | medications | kan sulandırıcı; varfarin; rivaroksaban; Xarelto; apiksaban; Eliquis; dabigatran; Pradaxa; heparin; enoksaparin; Clexane; aspirin; klopidogrel
        chronicCardiovascularDisease | en | conditions | heart failure; coronary artery disease; angina; heart attack; stroke; heart rhythm disorder; heart valve disease; high blood pressure
        chronicCardiovascularDisease | ru | conditions | сердечная недостаточность; ишемическая болезнь сердца; стенокардия; инфаркт; инсульт; нарушение ритма сердца; порок клапана; гипертония
        chronicCardiovascularDisease | tr | conditions | kalp yetmezliği; koroner arter hastalığı; anjina pektoris; kalp krizi; inme; kalp ritim bozukluğu; kalp kapak hastalığı; yüksek tansiyon
        tumor                 | en | conditions  | tumour; cancer; leukaemia; lymphoma
        tumor                 | ru | conditions  | опухоль; лейкоз; лимфома
        tumor                 | tr | conditions  | tümör; kanser; lösemi; lenfoma
        chronicRenalFailure   | en | conditions  | chronic kidney disease; kidney failure; dialysis; kidney transplant
        chronicRenalFailure   | ru | conditions  | хроническая болезнь почек; хроническая почечная недостаточность; диализ; пересадка почки
        chronicRenalFailure   | tr | conditions  | kronik böbrek hastalığı; böbrek yetmezliği; diyaliz; böbrek nakli
        activeHerpes          | en | conditions  | cold sore; herpes outbreak
        activeHerpes          | ru | conditions  | герпес
        activeHerpes          | tr | conditions  | uçuk; herpes
        herpesHistory         | en | conditions  | cold sores; herpes
        herpesHistory         | ru | conditions  | герпес
        herpesHistory         | tr | conditions  | uçuk; herpes
        skinInflammation      | en | conditions  | pustules; boils; wound; graze; fresh burn; eczema; dermatitis
        skinInflammation      | ru | conditions  | гнойнички; фурункулы; рана; ссадина; свежий ожог; экзема; дерматит
        skinInflammation      | tr | conditions  | irinli sivilce; çıban; açık yara; sıyrık; yanık; egzama; dermatit
        autoimmuneDisease     | en | conditions  | autoimmune disease; systemic lupus erythematosus; rheumatoid arthritis; scleroderma; psoriasis; vitiligo; autoimmune thyroid disease
        autoimmuneDisease     | ru | conditions  | аутоиммунное заболевание; системная красная волчанка; ревматоидный артрит; склеродермия; псориаз; витилиго; аутоиммунное заболевание щитовидной железы
        autoimmuneDisease     | tr | conditions  | otoimmün hastalık; sistemik lupus eritematozus; romatoid artrit; skleroderma; sedef hastalığı; psoriazis; vitiligo; otoimmün tiroid hastalığı
        uncontrolledDiabetes  | en | conditions  | diabetes
        uncontrolledDiabetes  | ru | conditions  | сахарный диабет; диабет
        uncontrolledDiabetes  | tr | conditions  | şeker hastalığı; diyabet
        epilepsy              | en | conditions  | epilepsy; seizures
        epilepsy              | ru | conditions  | эпилепсия; судорожные приступы
        epilepsy              | tr | conditions  | sara; epilepsi; nöbet
        immunosuppression     | en | conditions  | organ transplant; HIV; immunodeficiency
        immunosuppression     | en | medications | chemotherapy; steroid tablets; methotrexate; ciclosporin; tacrolimus; biologic drugs
        immunosuppression     | ru | conditions  | пересадка органа; ВИЧ; иммунодефицит
        immunosuppression     | ru | medications | химиотерапия; кортикостероиды; метотрексат; циклоспорин; такролимус; генно-инженерные биологические препараты
        immunosuppression     | tr | conditions  | organ nakli; HIV; bağışıklık yetmezliği
        immunosuppression     | tr | medications | kemoterapi; kortizon; metotreksat; siklosporin; takrolimus; biyolojik ilaçlar
        pacemakerOrImplant    | en | conditions  | pacemaker; implanted defibrillator; nerve stimulator; plates; screws; wires; metal threads; metal implant
        pacemakerOrImplant    | ru | conditions  | кардиостимулятор; имплантированный дефибриллятор; нейростимулятор; пластины; винты; проволока; металлические нити
        pacemakerOrImplant    | tr | conditions  | kalp pili; defibrilatör; sinir uyarıcı; plak; vida; tel; metal iplik; metal implant
        plateletDisorder      | en | conditions  | low platelet count; thrombocytopenia; platelet function disorder
        plateletDisorder      | ru | conditions  | тромбоцитопения; нарушение функции тромбоцитов
        plateletDisorder      | tr | conditions  | düşük trombosit; trombositopeni; trombosit işlev bozukluğu
        isotretinoin          | en | medications | isotretinoin; Roaccutane; Accutane; Acnotin
        isotretinoin          | ru | medications | изотретиноин; Роаккутан; Акнекутан; Сотрет
        isotretinoin          | tr | medications | izotretinoin; Roaccutane; Zoretanin; Aknetrent
        bruisingRiskMedication | en | medications | NSAIDs; ibuprofen; naproxen; diclofenac; fish oil; omega-3; vitamin E; ginkgo; garlic
        bruisingRiskMedication | ru | medications | НПВП; ибупрофен; напроксен; диклофенак; рыбий жир; омега-3; витамин E; гинкго; чеснок
        bruisingRiskMedication | tr | medications | NSAİİ; ibuprofen; naproksen; diklofenak; balık yağı; omega-3; E vitamini; ginkgo; sarımsak
        """)
    void everyNameAQuestionUsesIsRead(String question, String language, String list, String names) {
        Question asked = RULES.questions().get(question);
        assertNotNull(asked, "no question " + question);
        String text = asked.label().in(language) + " " + (asked.help() == null ? "" : asked.help().in(language));
        List<String> words = RULES.normalizer().tokens(text);
        Lexicon lexicon = switch (list) {
            case "conditions" -> CONDITIONS;
            case "medications" -> RULES.vocabulary().medications();
            case "allergies" -> RULES.vocabulary().allergens();
            default -> throw new IllegalArgumentException(list);
        };
        for (String name : names.split(";")) {
            String trimmed = name.strip();
            for (String word : RULES.normalizer().tokens(trimmed)) {
                String stem = word.length() > 6 ? word.substring(0, word.length() - 2)
                        : word.length() >= 4 ? word.substring(0, word.length() - 1) : word;
                assertTrue(words.stream().anyMatch(w -> w.startsWith(stem)),
                        () -> "'" + trimmed + "' is not named by " + question + " in " + language + ": " + text);
            }
            assertFalse(lexicon.byText(trimmed).isEmpty(), () -> "'" + trimmed + "' (" + question + ", " + language
                    + ") is not read by the " + list + " vocabulary");
        }
    }

    @Test
    void theTableAboveHasEveryQuestion() throws NoSuchMethodException {
        CsvSource table = VocabularyCoverageTest.class.getDeclaredMethod("everyNameAQuestionUsesIsRead", String.class,
                String.class, String.class, String.class).getAnnotation(CsvSource.class);
        Map<String, Set<String>> languages = new LinkedHashMap<>();
        table.textBlock().lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.split("\\|");
            languages.computeIfAbsent(cells[0].strip(), q -> new TreeSet<>()).add(cells[1].strip());
        });
        for (String question : RULES.questions().keySet()) {
            if (!NAME_NOTHING.contains(question)) {
                assertEquals(new TreeSet<>(RULES.languages()), languages.get(question),
                        question + " needs its names in every language in the table of everyNameAQuestionUsesIsRead");
            }
        }
    }

    // ---- 3. what a list can state, the rule reads in the lists ---------------------------------------

    /**
     * A contraindication asked by a question must also read a list (conditions, medications,
     * allergies, recent procedures), unless its rule says in {@code answerOnly} why no list can state it.
     */
    @Test
    void everyContraindicationWithAQuestionReadsTheListsOrSaysWhyNot() {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : RULES.rules()) {
            if (rule.kind() != Rule.Kind.CONTRAINDICATION) {
                continue;
            }
            Set<String> reads = new LinkedHashSet<>();
            rule.when().reads(reads);
            boolean asks = reads.stream().anyMatch(RULES.questions()::containsKey);
            boolean lists = reads.stream().anyMatch(LISTS::contains);
            JsonNode why = yaml("checks/" + rule.id() + ".yaml").get("answerOnly");
            if (asks && !lists && why == null) {
                wrong.add(rule.id() + " reads only its answer: read the lists too, or say why in answerOnly");
            }
            if (why != null && lists) {
                wrong.add(rule.id() + " reads the lists but says answerOnly");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theContraindicationsOfTheIssueReadTheLists() {
        for (String id : List.of("allergic-disease", "active-herpes", "acute-infection")) {
            Set<String> reads = new LinkedHashSet<>();
            RULES.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().when().reads(reads);
            assertTrue(reads.contains("conditions"), id + " reads " + reads);
        }
        assertNull(yaml("checks/allergic-disease.yaml").get("answerOnly"));
    }

    private static JsonNode yaml(String relative) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("rules").resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

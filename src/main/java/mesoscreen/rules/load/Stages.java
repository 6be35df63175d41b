package mesoscreen.rules.load;

import java.util.List;
import java.util.Map;
import mesoscreen.rules.CareStep;
import mesoscreen.rules.Clinic;
import mesoscreen.rules.QuestionnaireTexts;
import mesoscreen.rules.Rule;
import mesoscreen.rules.RuleSet;
import mesoscreen.rules.RuleSetException;
import mesoscreen.rules.condition.ConditionCompiler;
import mesoscreen.vocabulary.Vocabulary;

/**
 * The stages of loading, in order. Each reads what the stages before it produced, never changes it, and
 * adds its errors to the same list; errors come in the order of today's files: ruleset.yaml, the
 * vocabulary, questions, procedures, concerns, messages, questionnaire, care, a clinic's clinic.yaml, then the rules.
 */
public final class Stages {
    private Stages() {
    }

    public static RuleSet compile(RuleFolder folder) {
        Problems problems = new Problems();
        Reading reading = new Reading(ParsedFolder.parse(folder), List.of("en"), Map.of(), problems);
        Header header = Header.read(reading);
        reading = reading.with(header.languages(), header.sources());

        VocabularyReader.Words words = VocabularyReader.read(reading);
        CatalogueReader.Catalogue catalogue = CatalogueReader.read(reading, words);
        Vocabulary vocabulary = words.with(catalogue.concerns());
        QuestionnaireTexts questionnaire = QuestionnaireReader.read(reading, catalogue.questionNodes());
        List<List<CareStep>> care = CatalogueReader.care(reading, catalogue.procedures());
        Clinic clinic = ClinicReader.read(reading, catalogue.procedures());

        int before = problems.count();
        ConditionCompiler compiler = new ConditionCompiler(catalogue.questions().keySet(), vocabulary,
                catalogue.procedures());
        List<Rule> read = RuleReader.read(reading, compiler, catalogue.procedures());
        List<Rule> rules = Linker.link(read, catalogue.questionNodes(), problems.count() == before, problems);
        if (problems.any()) {
            throw new RuleSetException(problems.list());
        }
        RuleSet compiled = new RuleSet(header.version(), folder.digest(), header.languages(), header.sources(),
                catalogue.questions(), catalogue.procedures(), vocabulary, words.normalizer(), catalogue.messages(),
                care.get(0), care.get(1), questionnaire, rules);
        return clinic == null ? compiled : compiled.forClinic(clinic);
    }
}

import { z } from "zod";
import { PersonalDataRepo } from "../../db/personal-data-repo";
import { removeSource } from "./expert-profile-repo";
import { creditAnsweredQuestion } from "./expert-repo";
import { deleteKnowledge, rewriteKnowledgeAnswers, tombstoneKnowledge } from "./knowledge-repo";
import { QuestionRepo } from "./question-repo";
import { FORMER_MEMBER } from "../core/privacy";
import { statement } from "../../db/statements";

const IdRow = z.object({ id: z.number() });

/**
 * The Q&A tables as far as one member's personal data, deleted messages and retention go.
 * Questions and answers the community keeps are attributed to `FORMER_MEMBER`; everything that
 * is only about the member (expertise, availability, pings, followed and unsolved questions) is
 * deleted.
 */
export class QaPrivacyRepo extends PersonalDataRepo {
  /** Everything the Q&A feature stores about the member. */
  export(memberId: string): Record<string, unknown[]> {
    return {
      questions: this.all(
        `SELECT id, channel_id, text, status, asked_at, solved_at FROM qa_questions
         WHERE asker_id = ? ORDER BY id`,
        memberId,
      ),
      answers: this.all(
        "SELECT question_id, message_id, text, at FROM qa_answers WHERE author_id = ? ORDER BY at",
        memberId,
      ),
      accepted_answers_more: this.all(
        "SELECT question_id, message_id, text, at FROM qa_more_accepted WHERE author_id = ? ORDER BY at",
        memberId,
      ),
      followed_questions: this.all(
        "SELECT question_id, at FROM qa_followers WHERE member_id = ? ORDER BY at",
        memberId,
      ),
      expert_topics: this.all(
        "SELECT label, added_at FROM qa_expert_topics WHERE member_id = ? ORDER BY added_at",
        memberId,
      ),
      expert_settings: this.all(
        `SELECT away_until, weekly_cap, quiet_start, quiet_end, opted_out FROM qa_expert_settings
         WHERE member_id = ?`,
        memberId,
      ),
      expert_pings: this.all(
        "SELECT question_id, purpose, at FROM qa_pings WHERE member_id = ? ORDER BY at",
        memberId,
      ),
      qa_channels_added: this.all(
        "SELECT channel_id, added_at FROM qa_channels WHERE added_by = ? ORDER BY added_at",
        memberId,
      ),
      topic_aliases_created: this.all(
        "SELECT label, topic, created_at FROM qa_topic_aliases WHERE created_by = ? ORDER BY created_at",
        memberId,
      ),
    };
  }

  /** The member's questions nobody solved (they leave with the member). */
  openQuestionsOf(memberId: string): number[] {
    return this.all("SELECT id FROM qa_questions WHERE asker_id = ? AND status = 'open'", memberId).map(
      (row) => IdRow.parse(row).id,
    );
  }

  /** Questions nobody solved that were asked before `before`. */
  openQuestionsBefore(before: Date): number[] {
    return this.all(
      "SELECT id FROM qa_questions WHERE status = 'open' AND asked_at < ?",
      before.getTime(),
    ).map((row) => IdRow.parse(row).id);
  }

  /** Deletes a question with its answers and pings (and its expert document). */
  deleteQuestion(id: number): number {
    removeSource(this.db, `question:${id}`);
    return this.run("DELETE FROM qa_questions WHERE id = ?", id);
  }

  /**
   * Erases what is only about the member and attributes what the community keeps (solved
   * questions, answers, who solved or set something up) to `FORMER_MEMBER`. Unsolved
   * questions must be deleted first (`openQuestionsOf`, `deleteQuestion`).
   */
  forget(memberId: string): Record<string, number> {
    const former = FORMER_MEMBER;
    const run = (sql: string) => this.run(sql, { id: memberId, former });
    return {
      expert_topics: run("DELETE FROM qa_expert_topics WHERE member_id = @id"),
      expert_settings: run("DELETE FROM qa_expert_settings WHERE member_id = @id"),
      expert_documents: this.removeSourcesOf(memberId),
      expert_pings: run("DELETE FROM qa_pings WHERE member_id = @id"),
      followed_questions: run("DELETE FROM qa_followers WHERE member_id = @id"),
      questions_kept: run("UPDATE qa_questions SET asker_id = @former WHERE asker_id = @id"),
      answers_kept: run("UPDATE qa_answers SET author_id = @former WHERE author_id = @id"),
      solutions_kept:
        run("UPDATE qa_questions SET accepted_author_id = @former WHERE accepted_author_id = @id") +
        run("UPDATE qa_more_accepted SET author_id = @former WHERE author_id = @id") +
        run("UPDATE qa_questions SET solved_by = @former WHERE solved_by = @id"),
      setup_kept:
        run("UPDATE qa_channels SET added_by = @former WHERE added_by = @id") +
        run("UPDATE qa_topic_aliases SET created_by = @former WHERE created_by = @id"),
      // Last: the updates above still adjust it through the triggers.
      expert_profile: this.dropProfile(memberId),
    };
  }

  /** Takes what the member is known for out of expert search; returns how many sources. */
  private removeSourcesOf(memberId: string): number {
    const sources = z
      .array(z.object({ source: z.string() }))
      .parse(statement(this.db, "SELECT source FROM qa_expert_sources WHERE member_id = ?").all(memberId));
    for (const { source } of sources) removeSource(this.db, source, memberId);
    return sources.length;
  }

  /** The member's row of the ranking aggregates (kept current by triggers while they were a member). */
  private dropProfile(memberId: string): number {
    this.run("DELETE FROM qa_expert_terms WHERE member_id = ?", memberId);
    return this.run("DELETE FROM qa_expert_profiles WHERE member_id = ?", memberId);
  }

  /** Deletes one tracked answer; true when there was one. */
  deleteAnswer(questionId: number, messageId: string): boolean {
    return (
      this.run("DELETE FROM qa_answers WHERE question_id = ? AND message_id = ?", questionId, messageId) > 0
    );
  }

  /**
   * The accepted answer of a solved question is gone: its text leaves the question and the
   * knowledge base, whose entry becomes a tombstone only moderators find (the question stays).
   */
  tombstoneAcceptedAnswer(questionId: number, at: Date): void {
    this.run("UPDATE qa_questions SET accepted_text = NULL WHERE id = ?", questionId);
    removeSource(this.db, `question:${questionId}`);
    tombstoneKnowledge(this.db, String(questionId), at);
  }

  /**
   * One of several accepted answers of a solved question is gone: the others stay accepted and
   * credited, and the knowledge entry keeps only their texts.
   */
  dropAcceptedAnswer(questionId: number, title: string, messageId: string): void {
    const questions = new QuestionRepo(this.db);
    questions.unaccept(questionId, messageId);
    const rest = questions.accepted(questionId);
    creditAnsweredQuestion(
      this.db,
      questionId,
      title,
      rest.map((a) => a.authorId),
    );
    rewriteKnowledgeAnswers(this.db, String(questionId), rest.map((a) => a.text).join("\n\n"));
  }

  /** A solved question's own message is gone: its knowledge entry goes with it. */
  deleteKnowledge(questionId: number): number {
    return deleteKnowledge(this.db, String(questionId));
  }
}

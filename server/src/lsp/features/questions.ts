import { answerQuestion, questionAt } from '../../features/questions';
import { AnswerQuestionRequest, onRequest, QuestionAtRequest } from '../protocol';
import type { Session } from '../session';

/**
 * `specready/questionAt` and `specready/answerQuestion` for open documents: the edits come
 * from the pure features/questions.ts, computed on the version the editor has now.
 */
export function registerQuestions(session: Session): void {
  onRequest(session.connection, QuestionAtRequest, async (params) => {
    const analysis = await session.analyseOpen(params.uri);
    return analysis?.kind === 'analysed' ? questionAt(analysis.result, params.position) ?? null : null;
  });
  onRequest(session.connection, AnswerQuestionRequest, async (params) => {
    const document = session.documents.get(params.uri);
    const analysis = document && (await session.analyseOpen(params.uri));
    if (!document || analysis?.kind !== 'analysed') return null;
    const answered = answerQuestion(analysis.result, params.position, { answer: params.answer, date: params.date, author: params.author });
    return answered ? { uri: params.uri, version: document.version, question: answered.question, edits: answered.edits } : null;
  });
}

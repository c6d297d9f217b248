/** The problem document (RFC 9457) every error answer of the API carries. */
import { z } from 'zod';

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ description: 'Always about:blank: the status says what kind of problem' }),
    title: z.string().meta({ description: 'What went wrong, and where it helps, what to do' }),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string().meta({ description: 'Where: body.name, query.limit, params.id' }),
          message: z.string(),
        }),
      )
      .optional()
      .meta({ description: 'Each invalid field of the request' }),
  })
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457), never with a stack trace' });
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * samraad/no-swallowed-catch: `.catch(() => …)` or `.catch((e) => …)` that never
 * looks at the error drops it on the floor. Log it, surface it, or (when another
 * path really does surface it) say so in an eslint-disable comment with a reason.
 */
export const noSwallowedCatchRule = {
  meta: {
    type: 'problem',
    docs: { description: 'A .catch handler must use the error it receives (log it or surface it)' },
    schema: [],
    messages: { swallowed: 'This .catch handler drops the error: log it or surface it (or explain in an eslint-disable comment why another path surfaces it).' },
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'catch') return;
        const handler = node.arguments[0];
        if (!handler || (handler.type !== 'ArrowFunctionExpression' && handler.type !== 'FunctionExpression')) return;
        const param = handler.params[0];
        if (!param) return context.report({ node: handler, messageId: 'swallowed' });
        if (param.type !== 'Identifier') return;
        const variable = context.sourceCode.getDeclaredVariables(handler).find((v) => v.name === param.name);
        if (variable && variable.references.length === 0) context.report({ node: handler, messageId: 'swallowed' });
      },
    };
  },
};

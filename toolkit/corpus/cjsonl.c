/* toolkit.corpus.cjsonl: the two byte passes of the JSONL path (toolkit/corpus/jsonl.py)
 * that Python can only do with several passes of its own.
 *
 * Why: on news-like records the job's own cost beside the normalizer and the JSON codec
 * was these passes (benchmarks/README.md, corpus section, 2026-12-07 profile of 100 MB
 * of synthetic records, one worker: the two regular-expression substitutions that turn
 * orjson's indented output into json.dumps' separators took more time than orjson.dumps
 * itself; the chunk scan's translate/find and the per-line bracket counts another 13%).
 * Each function here is one loop over the bytes and gives exactly what jsonl.py's Python
 * code gives (tests/corpus/test_corpus_cjsonl.py compares them on random and hostile
 * bytes); where this module cannot be built, jsonl.py runs that Python code.
 *
 * unindent(block) == _INDENT.sub(b"", _COMMA.sub(b", ", block)) with
 *     _COMMA = rb",\n +"   and   _INDENT = rb"\n(?: +|(?=\}))"
 * scan(block, long_digits, min_len, min_brackets) -> (has_long, floats, heavy):
 *     has_long: a run of at least long_digits ASCII digits anywhere in block;
 *     floats:   indices of the lines ("\n"-terminated, the last one may not be) holding a
 *               digit followed by ".", "e" or "E";
 *     heavy:    indices of the lines of at least min_len bytes ("\n" included) holding at
 *               least min_brackets of "[" and "{" together.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
cj_unindent(PyObject *self, PyObject *arg)
{
    (void)self;
    if (!PyBytes_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "unindent() takes bytes");
        return NULL;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(arg);
    const char *src = PyBytes_AS_STRING(arg);
    PyObject *res = PyBytes_FromStringAndSize(NULL, n); /* the output is never longer */
    if (res == NULL)
        return NULL;
    char *dst = PyBytes_AS_STRING(res);
    Py_ssize_t o = 0, i = 0;
    while (i < n) {
        const char *nl = memchr(src + i, '\n', (size_t)(n - i));
        Py_ssize_t stop = nl == NULL ? n : nl - src;
        memcpy(dst + o, src + i, (size_t)(stop - i));
        o += stop - i;
        if (nl == NULL)
            break;
        Py_ssize_t j = stop + 1;
        while (j < n && src[j] == ' ')
            j++;
        if (j > stop + 1) {            /* "\n" and spaces: ", " after a comma, else nothing */
            if (stop > 0 && src[stop - 1] == ',')
                dst[o++] = ' ';
        } else if (j < n && src[j] == '}') {
            ;                          /* "\n" before "}": dropped */
        } else {
            dst[o++] = '\n';
        }
        i = j;
    }
    if (o != n && _PyBytes_Resize(&res, o) < 0)
        return NULL;
    return res;
}

static PyObject *
cj_scan(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 4 || !PyBytes_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "scan(block: bytes, long_digits, min_len, min_brackets)");
        return NULL;
    }
    Py_ssize_t long_digits = PyLong_AsSsize_t(args[1]);
    Py_ssize_t min_len = PyLong_AsSsize_t(args[2]);
    Py_ssize_t min_brackets = PyLong_AsSsize_t(args[3]);
    if (PyErr_Occurred())
        return NULL;
    if (long_digits < 1) {
        PyErr_SetString(PyExc_ValueError, "long_digits must be at least 1");
        return NULL;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(args[0]);
    const unsigned char *b = (const unsigned char *)PyBytes_AS_STRING(args[0]);
    PyObject *floats = PyList_New(0), *heavy = PyList_New(0);
    if (floats == NULL || heavy == NULL)
        goto fail;
    int has_long = 0;
    Py_ssize_t line = 0, line_start = 0, run = 0, brackets = 0;
    int float_here = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        if (i == n || b[i] == '\n') {
            Py_ssize_t len = (i == n ? n : i + 1) - line_start;
            if (i == n && len == 0)
                break;                /* the block ended with "\n": no further line */
            if (float_here) {
                PyObject *k = PyLong_FromSsize_t(line);
                if (k == NULL || PyList_Append(floats, k) < 0) {
                    Py_XDECREF(k);
                    goto fail;
                }
                Py_DECREF(k);
            }
            if (len >= min_len && brackets >= min_brackets) {
                PyObject *k = PyLong_FromSsize_t(line);
                if (k == NULL || PyList_Append(heavy, k) < 0) {
                    Py_XDECREF(k);
                    goto fail;
                }
                Py_DECREF(k);
            }
            line++;
            line_start = i + 1;
            run = brackets = 0;
            float_here = 0;
            continue;
        }
        unsigned char c = b[i];
        if (c >= '0' && c <= '9') {
            if (++run >= long_digits)
                has_long = 1;
            if (i + 1 < n && (b[i + 1] == '.' || b[i + 1] == 'e' || b[i + 1] == 'E'))
                float_here = 1;
        } else {
            run = 0;
            if (c == '[' || c == '{')
                brackets++;
        }
    }
    return Py_BuildValue("(NNN)", PyBool_FromLong(has_long), floats, heavy);
fail:
    Py_XDECREF(floats);
    Py_XDECREF(heavy);
    return NULL;
}

static PyMethodDef cj_methods[] = {
    {"unindent", (PyCFunction)cj_unindent, METH_O,
     "unindent(block): orjson's OPT_INDENT_2 lines with json.dumps' separators (see jsonl.dump_block)."},
    {"scan", (PyCFunction)(void (*)(void))cj_scan, METH_FASTCALL,
     "scan(block, long_digits, min_len, min_brackets) -> (has_long, float_lines, heavy_lines)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cj_module = {
    PyModuleDef_HEAD_INIT, "toolkit.corpus.cjsonl",
    "The JSONL path's byte passes in C (see toolkit/corpus/jsonl.py).", -1, cj_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_cjsonl(void)
{
    return PyModule_Create(&cj_module);
}

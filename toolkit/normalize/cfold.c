/* toolkit.normalize.cfold: a str.translate table applied in one C pass over the code
 * points, with the whitespace collapse and strip of toolkit/normalize/vector.py.
 *
 * Why: str.translate on non-ASCII text looks every character up through the generic
 * mapping protocol, and the numpy gather of vector.py needs `import numpy` (~65 ms on
 * every start of `toolkit normalize`) plus a handful of passes over the array.  Here a
 * table is 0x10000 uint32 entries (the BMP) plus a dict for the few keys beyond it, and
 * one loop reads the string's own PEP 393 buffer, looks each character up, and writes
 * the result with the spaces rule applied as it goes.
 *
 * The result is the same as vector.py's numpy path and as
 *     s = text.translate(table)
 *     then, mode COLLAPSE: every run of U+0020 made one, one space stripped at each end;
 *     mode LINES: the same, and a space next to "\n" dropped (every line stripped)
 * character for character (tests/normalize/test_fold_c.py).
 *
 * Built by hatch_build.py at install time; where it cannot be built, vector.py uses
 * its numpy path.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* A BMP entry: the one code point of the value, or one of these (no code point has the
 * high bit set, so nothing collides with them, U+FFFE and U+FFFF included). */
#define F_DELETE 0xFFFFFFFFu /* the value is "": delete the character */
#define F_MULTI 0x80000000u  /* F_MULTI | i: the value is multi[i], several characters */

enum { KEEP = 0, COLLAPSE = 1, LINES = 2 };

typedef struct {
    PyObject_HEAD
    uint32_t *bmp;     /* 0x10000 entries */
    PyObject **multi;  /* the many-character values of BMP keys (owned references) */
    Py_ssize_t nmulti;
    PyObject *astral;  /* {int: str} for keys beyond the BMP, or NULL when there are none */
    Py_UCS4 maxout[4]; /* largest code point in a value of a key < 0x80, 0x100, 0x10000, any */
} Table;

static void
table_dealloc(Table *self)
{
    for (Py_ssize_t i = 0; i < self->nmulti; i++)
        Py_XDECREF(self->multi[i]);
    PyMem_Free(self->multi);
    PyMem_Free(self->bmp);
    Py_XDECREF(self->astral);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static Py_UCS4
max_char(PyObject *s)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_UCS4 m = 0;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(s); i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c > m)
            m = c;
    }
    return m;
}

/* One (key, value) of the mapping into the table. */
static int
table_add(Table *self, PyObject *key, PyObject *value)
{
    static const Py_UCS4 limit[4] = {0x80, 0x100, 0x10000, 0x110000};
    if (!PyLong_Check(key) || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "a table maps int code points to str");
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(value) < 0)
        return -1;
#endif
    long cp = PyLong_AsLong(key);
    if (cp == -1 && PyErr_Occurred())
        return -1;
    if (cp < 0 || cp > 0x10FFFF) {
        PyErr_Format(PyExc_ValueError, "table key %ld is not a code point", cp);
        return -1;
    }
    Py_UCS4 vmax = max_char(value);
    for (int k = 0; k < 4; k++)
        if ((Py_UCS4)cp < limit[k] && vmax > self->maxout[k])
            self->maxout[k] = vmax;
    Py_ssize_t len = PyUnicode_GET_LENGTH(value);
    if (cp >= 0x10000) {
        if (self->astral == NULL && (self->astral = PyDict_New()) == NULL)
            return -1;
        return PyDict_SetItem(self->astral, key, value);
    }
    if (len == 0) {
        self->bmp[cp] = F_DELETE;
    } else if (len == 1) {
        self->bmp[cp] = PyUnicode_READ_CHAR(value, 0);
    } else {
        Py_INCREF(value);
        self->multi[self->nmulti] = value;
        self->bmp[cp] = F_MULTI | (uint32_t)self->nmulti++;
    }
    return 0;
}

static PyObject *
table_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *mapping, *key, *value;
    Py_ssize_t pos = 0;
    (void)kwds;
    if (!PyArg_ParseTuple(args, "O!:Table", &PyDict_Type, &mapping))
        return NULL;
    Table *self = (Table *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->bmp = PyMem_Malloc(0x10000 * sizeof(uint32_t));
    /* at most one many-character value per entry of the mapping */
    self->multi = PyMem_Calloc((size_t)PyDict_GET_SIZE(mapping) + 1, sizeof(PyObject *));
    if (self->bmp == NULL || self->multi == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (uint32_t c = 0; c < 0x10000; c++)
        self->bmp[c] = c;
    while (PyDict_Next(mapping, &pos, &key, &value)) {
        if (table_add(self, key, value) < 0) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "toolkit.normalize.cfold.Table",
    .tp_basicsize = sizeof(Table),
    .tp_dealloc = (destructor)table_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Table(mapping: dict[int, str]): a translate table for translate().",
    .tp_new = table_new,
};

/* The value of a key beyond the BMP (borrowed), or NULL when the table has none (or on
 * an error, which is then set). */
static PyObject *
astral_value(const Table *t, Py_UCS4 c)
{
    if (t->astral == NULL)
        return NULL;
    PyObject *key = PyLong_FromUnsignedLong(c);
    if (key == NULL)
        return NULL;
    PyObject *value = PyDict_GetItemWithError(t->astral, key);
    Py_DECREF(key);
    return value;
}

/* Room for `need` code points in the result being written (grown by half at least). */
static int
grow(PyObject **res, Py_ssize_t *cap, Py_ssize_t need)
{
    Py_ssize_t more = *cap + *cap / 2;
    if (PyUnicode_Resize(res, more > need ? more : need) < 0)
        return -1; /* *res is still the old, valid string */
    *cap = PyUnicode_GET_LENGTH(*res);
    return 0;
}

/* The result, `len` code points of `res`, in canonical form: when its widest character
 * (`orc`, the OR of them all: the same power-of-two bound) fits a narrower layout than
 * the one allocated, a narrowed copy, else `res` cut to `len`. */
static PyObject *
finish(PyObject *res, Py_ssize_t len, Py_UCS4 orc)
{
    int kind = PyUnicode_KIND(res);
    int fits = orc < 0x80 ? PyUnicode_IS_ASCII(res)
               : orc < 0x100 ? kind == PyUnicode_1BYTE_KIND && !PyUnicode_IS_ASCII(res)
               : orc < 0x10000 ? kind == PyUnicode_2BYTE_KIND : kind == PyUnicode_4BYTE_KIND;
    if (!fits) {
        PyObject *copy = PyUnicode_FromKindAndData(kind, PyUnicode_DATA(res), len);
        Py_DECREF(res);
        return copy;
    }
    if (PyUnicode_Resize(&res, len) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* Write one output code point at out[pos].  KEEP: always.  COLLAPSE/LINES: a space is
 * written only after a character that is neither a space nor (LINES) "\n", and not at
 * the start (`block` says so; it depends on the previous character alone, so the loop
 * carries no branch and no long dependency for it); a "\n" (LINES) overwrites the space
 * just before it.  The space at the very end goes after the loop. */
#define EMIT_KEEP(ch)                                                                   \
    do {                                                                                \
        Py_UCS4 c_ = (ch);                                                              \
        out[pos++] = c_;                                                                \
        orc |= c_;                                                                      \
    } while (0)

#define EMIT_SPACES(ch)                                                                 \
    do {                                                                                \
        Py_UCS4 c_ = (ch);                                                              \
        int sp_ = c_ == 0x20, nl_ = lines & (c_ == 0x0A);                               \
        if (nl_ && pos > 0 && out[pos - 1] == 0x20)                                     \
            pos--;                                                                      \
        out[pos] = c_;                                                                  \
        orc |= c_;                                                                      \
        pos += !(sp_ & block);                                                          \
        block = sp_ | nl_;                                                              \
    } while (0)

/* The loop over the input.  Invariant: before input i, cap - pos >= n - i (every input
 * writes at most one code point, except a many-character value, which grows `res`
 * first), so out[pos] is always inside the string. */
#define FOLD_LOOP(EMIT)                                                                 \
    for (Py_ssize_t i = 0; i < n; i++) {                                                \
        Py_UCS4 c = src[i];                                                             \
        PyObject *value;                                                                \
        if (sizeof(*src) == 4 && c >= 0x10000) {                                        \
            value = astral_value(t, c);                                                 \
            if (value == NULL) {                                                        \
                if (PyErr_Occurred())                                                   \
                    goto error;                                                         \
                EMIT(c);                                                                \
                continue;                                                               \
            }                                                                           \
        } else {                                                                        \
            uint32_t e = bmp[c];                                                        \
            if (!(e & F_MULTI)) {                                                       \
                EMIT(e);                                                                \
                continue;                                                               \
            }                                                                           \
            if (e == F_DELETE)                                                          \
                continue;                                                               \
            value = t->multi[e & ~F_MULTI];                                             \
        }                                                                               \
        Py_ssize_t len = PyUnicode_GET_LENGTH(value);                                   \
        if (pos + len + (n - i - 1) > cap) {                                            \
            if (grow(&res, &cap, pos + len + (n - i - 1)) < 0)                          \
                goto error;                                                             \
            out = (void *)PyUnicode_DATA(res);                                          \
        }                                                                               \
        int vkind = PyUnicode_KIND(value);                                              \
        const void *vdata = PyUnicode_DATA(value);                                      \
        for (Py_ssize_t j = 0; j < len; j++)                                            \
            EMIT(PyUnicode_READ(vkind, vdata, j));                                      \
    }

/* fold_IN_OUT(t, src, n, mode, res): `src` (n code points) through the table into
 * `res`, a fresh string of n code points wide enough for every value; the result, or
 * NULL with an error set (`res` is consumed either way). */
#define DEFINE_FOLD(NAME, IN_T, OUT_T)                                                  \
    static PyObject *NAME(const Table *t, const IN_T *src, Py_ssize_t n, int mode,      \
                          PyObject *res)                                                \
    {                                                                                   \
        const uint32_t *bmp = t->bmp;                                                   \
        OUT_T *out = (OUT_T *)PyUnicode_DATA(res);                                      \
        Py_ssize_t pos = 0, cap = n;                                                    \
        Py_UCS4 orc = 0;                                                                \
        int lines = mode == LINES, block = 1;                                           \
        if (mode == KEEP) {                                                             \
            FOLD_LOOP(EMIT_KEEP)                                                        \
        } else {                                                                        \
            FOLD_LOOP(EMIT_SPACES)                                                      \
            if (pos > 0 && out[pos - 1] == 0x20) /* the space at the end */             \
                pos--;                                                                  \
        }                                                                               \
        return finish(res, pos, orc);                                                   \
    error:                                                                              \
        Py_DECREF(res);                                                                 \
        return NULL;                                                                    \
    }

DEFINE_FOLD(fold_1_1, Py_UCS1, Py_UCS1)
DEFINE_FOLD(fold_1_2, Py_UCS1, Py_UCS2)
DEFINE_FOLD(fold_1_4, Py_UCS1, Py_UCS4)
DEFINE_FOLD(fold_2_2, Py_UCS2, Py_UCS2)
DEFINE_FOLD(fold_2_4, Py_UCS2, Py_UCS4)
DEFINE_FOLD(fold_4_4, Py_UCS4, Py_UCS4)

static PyObject *
fold_translate(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyObject_TypeCheck(args[1], &TableType)
        || !PyLong_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "translate(text: str, table: Table, mode: int)");
        return NULL;
    }
    PyObject *text = args[0];
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0)
        return NULL;
#endif
    const Table *t = (const Table *)args[1];
    long mode = PyLong_AsLong(args[2]);
    if (mode < KEEP || mode > LINES) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "mode is 0 (keep), 1 (collapse) or 2 (lines)");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (n == 0)
        return PyUnicode_New(0, 0);
    int in_kind = PyUnicode_KIND(text);
    /* The result is written into a string wide enough for the input's characters and
     * every value they can map to; finish() narrows it where it holds less. */
    int range = PyUnicode_IS_ASCII(text) ? 0 : in_kind == PyUnicode_1BYTE_KIND ? 1
                : in_kind == PyUnicode_2BYTE_KIND ? 2 : 3;
    static const Py_UCS4 top[4] = {0x7F, 0xFF, 0xFFFF, 0x10FFFF};
    Py_UCS4 widest = t->maxout[range] > top[range] ? t->maxout[range] : top[range];
    PyObject *res = PyUnicode_New(n, widest);
    if (res == NULL)
        return NULL;
    const void *src = PyUnicode_DATA(text);
    int m = (int)mode;
    switch (in_kind * 8 + PyUnicode_KIND(res)) {
    case 1 * 8 + 1: return fold_1_1(t, src, n, m, res);
    case 1 * 8 + 2: return fold_1_2(t, src, n, m, res);
    case 1 * 8 + 4: return fold_1_4(t, src, n, m, res);
    case 2 * 8 + 2: return fold_2_2(t, src, n, m, res);
    case 2 * 8 + 4: return fold_2_4(t, src, n, m, res);
    case 4 * 8 + 4: return fold_4_4(t, src, n, m, res);
    }
    Py_DECREF(res);
    PyErr_SetString(PyExc_SystemError, "unexpected string kind");
    return NULL;
}

static PyMethodDef fold_methods[] = {
    {"translate", (PyCFunction)(void (*)(void))fold_translate, METH_FASTCALL,
     "translate(text, table, mode): text.translate(table), then mode's spaces rule\n"
     "(0 keep, 1 collapse runs of U+0020 and strip the ends, 2 the same on every line)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fold_module = {
    PyModuleDef_HEAD_INIT, "toolkit.normalize.cfold",
    "A translate table and the whitespace collapse in one C pass (see vector.py).", -1, fold_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_cfold(void)
{
    if (PyType_Ready(&TableType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&fold_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&TableType);
    if (PyModule_AddObject(m, "Table", (PyObject *)&TableType) < 0) {
        Py_DECREF(&TableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

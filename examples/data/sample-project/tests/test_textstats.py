import unittest

from textstats import slugify, top_words, word_count, words


class WordsTest(unittest.TestCase):
    def test_words_are_lower_cased(self):
        self.assertEqual(words("Hello, World!"), ["hello", "world"])

    def test_apostrophes_stay_inside_words(self):
        self.assertEqual(words("don't stop"), ["don't", "stop"])

    def test_word_count(self):
        self.assertEqual(word_count("one two  three\nfour"), 4)
        self.assertEqual(word_count(""), 0)


class TopWordsTest(unittest.TestCase):
    def test_most_frequent_first_ties_alphabetical(self):
        text = "b a c b a b"
        self.assertEqual(top_words(text, 2), [("b", 3), ("a", 2)])

    def test_negative_n_is_rejected(self):
        with self.assertRaises(ValueError):
            top_words("x", -1)


class SlugifyTest(unittest.TestCase):
    def test_slugify(self):
        self.assertEqual(slugify("  Hello, Wörld: 2024 edition "), "hello-world-2024-edition")

    def test_slugify_empty(self):
        self.assertEqual(slugify("!!!"), "")


if __name__ == "__main__":
    unittest.main()

/* empty: a C program that does nothing, built as finsam is (dynamically linked, -O2):
 * what starting any process costs on this machine, for bench/run.sh to compare with. */
int main(void) { return 0; }
